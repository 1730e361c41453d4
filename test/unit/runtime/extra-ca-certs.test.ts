import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { canReduce, certificatesToAdd } from '../../../server/src/runtime/extra-ca-certs';

const fixtures = join(__dirname, '../../../../test/runtime/fixtures/tls');
const testCa = readFileSync(join(fixtures, 'test-ca.pem'), 'latin1').trim();
const nodeRoot = rootCertificates[0] ?? '';
/** The same root as a distribution's bundle writes it: 64-character lines, CRLF. */
const nodeRootRewrapped = `-----BEGIN CERTIFICATE-----\r\n${(nodeRoot.replace(/-----[A-Z ]+-----|\s/g, '').match(/.{1,64}/g) ?? []).join('\r\n')}\r\n-----END CERTIFICATE-----`;

describe('runtime: NODE_EXTRA_CA_CERTS reduced to what Node does not already trust', () => {
  const cases: ReadonlyArray<{ name: string; pem: string; expected: string[] | 'as-is' }> = [
    { name: "only Node's own roots: nothing to add", pem: `${nodeRoot}\n${rootCertificates[1]}\n`, expected: [] },
    { name: 'a root rewrapped with other line lengths and CRLF is still the same root', pem: nodeRootRewrapped, expected: [] },
    { name: 'a mix keeps only the certificate Node lacks', pem: `${nodeRoot}\n${testCa}\n`, expected: [testCa] },
    { name: 'a certificate twice is added once', pem: `${testCa}\n${nodeRoot}\n${testCa}\n`, expected: [testCa] },
    { name: 'comments between blocks are ignored, as OpenSSL ignores them', pem: `# Test CA\n${testCa}\n# A Node root\n${nodeRoot}\n`, expected: [testCa] },
    { name: 'nothing Node trusts: the file as it is', pem: `${testCa}\n`, expected: 'as-is' },
    { name: 'another kind of PEM block: the file as it is', pem: `${nodeRoot}\n${testCa.replace(/CERTIFICATE/g, 'TRUSTED CERTIFICATE')}\n`, expected: 'as-is' },
    { name: 'no PEM at all (DER, or an empty file): the file as it is', pem: '', expected: 'as-is' },
  ];
  for (const { name, pem, expected } of cases) {
    it(name, () => assert.deepEqual(certificatesToAdd(pem, rootCertificates), expected));
  }

  it('reduces only for this very Node.js with its bundled store', () => {
    assert.equal(canReduce(process.execPath, ['--max-old-space-size=116']), true);
    assert.equal(canReduce('/opt/other/node', []), false, 'another executable may bundle other roots');
    assert.equal(canReduce(process.execPath, ['--use-openssl-ca']), false, "OpenSSL's store is another set");
    assert.equal(canReduce(process.execPath, ['--enable-source-maps --use-openssl-ca']), false, 'NODE_OPTIONS counts too');
  });
});
