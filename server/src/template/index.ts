/**
 * The template engine's front door: CloudFormation/SAM templates and
 * serverless.yml read as a local run needs them (resources, intrinsic
 * functions evaluated for a local stack, functions with their settings).
 * Pure: parsed trees in, plain data out. Faces import this file only.
 */
export { stackEnvironment, templateFunctions, type CodeLocation, type LayerReference, type StackOptions, type TemplateFunctionDefinition } from './functions';
export { resolveValue, type Resolution, type StackEnvironment, type Unresolved } from './resolve';
export { functionTypes, getAttParts, referencedId, templateResources, type TemplateResource } from './resources';
export { serverlessFunctions, type ServiceOptions } from './serverless';
