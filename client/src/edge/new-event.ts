import * as vscode from 'vscode';
import { generateEventText, isTrigger, type OriginType, type Trigger, triggers } from '../../../server/src/edge';

const triggerDescriptions: Readonly<Record<Trigger, string>> = {
  'viewer-request': 'When CloudFront receives a request, before the cache',
  'origin-request': 'On a cache miss, before CloudFront forwards the request to the origin',
  'origin-response': 'When the origin\'s response arrives, before CloudFront caches it',
  'viewer-response': 'Before CloudFront returns the response to the viewer',
};

const originChoices: ReadonlyArray<vscode.QuickPickItem & { origin: OriginType }> = [
  { label: 'Amazon S3', description: 'An S3 bucket origin', origin: 's3' },
  { label: 'Custom origin', description: 'An HTTP server: ALB, EC2, API, any web server', origin: 'custom' },
];

/**
 * "New Lambda@Edge event": asks the trigger (and the origin type, where it
 * shapes the event) and opens the generated event in an untitled JSON editor,
 * to be saved wherever the user keeps fixtures. Arguments skip the questions.
 */
export async function newEdgeEvent(trigger?: unknown, origin?: unknown): Promise<vscode.TextEditor | undefined> {
  const chosenTrigger = isTrigger(trigger) ? trigger : await pickTrigger();
  if (!chosenTrigger) return undefined;
  // A viewer request happens before any origin is involved.
  const needsOrigin = chosenTrigger !== 'viewer-request';
  const chosenOrigin = origin === 's3' || origin === 'custom' ? origin : needsOrigin ? await pickOrigin() : 'custom';
  if (!chosenOrigin) return undefined;
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: generateEventText({ trigger: chosenTrigger, origin: chosenOrigin }) });
  return vscode.window.showTextDocument(document);
}

async function pickTrigger(): Promise<Trigger | undefined> {
  const picked = await vscode.window.showQuickPick(
    triggers.map((t) => ({ label: t, description: triggerDescriptions[t] })),
    { title: 'New Lambda@Edge event', placeHolder: 'Which CloudFront event triggers the function?' },
  );
  return picked && isTrigger(picked.label) ? picked.label : undefined;
}

async function pickOrigin(): Promise<OriginType | undefined> {
  const picked = await vscode.window.showQuickPick(originChoices, { title: 'New Lambda@Edge event', placeHolder: 'What is the origin behind the distribution?' });
  return picked?.origin;
}
