import { parseJsonDocument } from '../document/json';
import { parseYamlDocument } from '../document/yaml';
import type { DocumentFormat, SourceDocument } from './model';

/** Parses a text in its format into the neutral model. */
export function parseSourceDocument(text: string, format: DocumentFormat): SourceDocument {
  switch (format) {
    case 'json':
      return parseJsonDocument(text);
    case 'yaml':
      return parseYamlDocument(text);
  }
}

/** The format a file's name says it is in: `.yaml`/`.yml` are YAML, everything else is read as JSON. */
export function formatOfFileName(fileName: string | undefined): DocumentFormat {
  return fileName !== undefined && /\.ya?ml$/i.test(fileName) ? 'yaml' : 'json';
}
