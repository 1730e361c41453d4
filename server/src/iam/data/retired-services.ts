/**
 * Service prefixes that AWS managed policies still name but the service
 * authorization reference no longer lists: services AWS has retired or
 * renamed. Naming one grants nothing; it is not a typo. Gathered from the
 * prefixes of AWS managed policies (ReadOnlyAccess names deepcomposer and
 * iot1click) missing from the data.
 */
export const retiredServices: Readonly<Record<string, string>> = {
  applicationwizard: 'AWS Application Wizard',
  'catalog-admin': 'AWS Service Catalog (legacy admin prefix)',
  'catalog-user': 'AWS Service Catalog (legacy user prefix)',
  crowd: 'Amazon Mechanical Turk crowd (legacy prefix)',
  datazonecontrol: 'Amazon DataZone (legacy control prefix)',
  deepcomposer: 'AWS DeepComposer',
  deeplens: 'AWS DeepLens',
  deepracer: 'AWS DeepRacer',
  'ec2-reports': 'Amazon EC2 reports (legacy console)',
  'elastic-inference': 'Amazon Elastic Inference',
  iot1click: 'AWS IoT 1-Click',
  iotroborunner: 'AWS IoT RoboRunner',
  mobilehub: 'AWS Mobile Hub',
  'sagemaker-groundtruth-synthetic': 'Amazon SageMaker Ground Truth Synthetic',
  sumerian: 'Amazon Sumerian',
  zocalo: 'Amazon WorkDocs (legacy prefix)',
};

export function retiredService(prefix: string): string | undefined {
  return retiredServices[prefix.toLowerCase()];
}
