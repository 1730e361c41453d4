import assert from 'node:assert/strict';
import fc from 'fast-check';
import { commonString, escapesFrom } from '../../../server/src/alb/patterns/automaton';
import { commonAddress, firstUncovered, formatIp, parseCidr, parseIp, type Cidr } from '../../../server/src/network/ip';
import { matchGlob, parseGlob, wildcardCount, type Glob } from '../../../server/src/alb/patterns/glob';
import { compileAwsRegex, unsupportedFeatures } from '../../../server/src/alb/patterns/regex';

const path = (p: string) => parseGlob(p, { caseInsensitive: false });
const host = (p: string) => parseGlob(p, { caseInsensitive: true });

/** The same language as a RegExp, written independently of the matcher under test. */
function reference(glob: Glob): RegExp {
  const body = glob.tokens.map((t) => (t.kind === 'any' ? '[\\s\\S]*' : t.kind === 'one' ? '[\\s\\S]' : t.char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, glob.caseInsensitive ? 'i' : '');
}

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  assert.ok(!('error' in parsed), `${text}: ${'error' in parsed ? parsed.error : ''}`);
  return parsed;
}

describe('alb patterns', () => {
  describe('glob matching', () => {
    const table: Array<[string, Glob, string, boolean]> = [
      ['* matches zero characters', path('/img/*'), '/img/', true],
      ['* crosses /', path('/img/*'), '/img/a/b/c.png', true],
      ['? matches exactly one', path('/v?/users'), '/v1/users', true],
      ['? does not match zero', path('/v?/users'), '/v/users', false],
      ['? does not match two', path('/v?/users'), '/v10/users', false],
      ['paths are case-sensitive', path('/IMG/*'), '/img/a.png', false],
      ['hosts are not case-sensitive', host('*.Example.com'), 'API.example.COM', true],
      ['*.example.com does not match example.com (AWS example)', host('*.example.com'), 'example.com', false],
      ['*.example.com matches test.example.com (AWS example)', host('*.example.com'), 'test.example.com', true],
      ['a star in the middle backtracks', path('/a*b*c'), '/aXbYbZc', true],
      ['trailing text must match', path('/a*.png'), '/a/b.png.bak', false],
    ];
    for (const [name, glob, subject, expected] of table) it(name, () => assert.equal(matchGlob(glob, subject), expected));

    it('escapes \\* and \\? in query-string values', () => {
      const glob = parseGlob('a\\*b?', { caseInsensitive: true, escapes: true });
      assert.equal(matchGlob(glob, 'a*bc'), true);
      assert.equal(matchGlob(glob, 'axbc'), false);
      assert.equal(wildcardCount('a\\*b?', true), 1);
      assert.equal(wildcardCount('*.example.*'), 2);
    });

    it('agrees with a regular-expression reference on random patterns', () => {
      const chars = fc.constantFrom('a', 'b', '/', '*', '?', 'A');
      fc.assert(
        fc.property(fc.array(chars, { maxLength: 8 }), fc.array(fc.constantFrom('a', 'b', '/', 'A'), { maxLength: 10 }), fc.boolean(), (p, s, ci) => {
          const glob = parseGlob(p.join(''), { caseInsensitive: ci });
          assert.equal(matchGlob(glob, s.join('')), reference(glob).test(s.join('')));
        }),
      );
    });
  });

  describe('language inclusion and intersection', () => {
    it('proves /img/* is inside /*', () => assert.deepEqual(escapesFrom([path('/img/*')], [path('/*')]), { kind: 'none' }));
    it('proves a union covers a pattern', () => assert.deepEqual(escapesFrom([path('/a?')], [path('/a'), path('/a*')]), { kind: 'none' }));
    it('finds the shortest string that escapes', () => {
      const result = escapesFrom([path('/img/*')], [path('/img/*.png')]);
      assert.equal(result.kind, 'found');
      assert.equal(result.kind === 'found' && result.example, '/img/');
    });
    it('restricts strings to a domain (paths start with /)', () => {
      assert.equal(escapesFrom([path('*')], [path('/*')]).kind, 'found');
      assert.deepEqual(escapesFrom([path('*')], [path('/*')], [path('/*')]), { kind: 'none' });
    });
    it('treats an empty union as any string', () => assert.equal(escapesFrom([], [path('/a*')], [path('/*')]).kind, 'found'));
    it('finds a string in two patterns', () => {
      const result = commonString([[host('*.example.com')], [host('api.*')]]);
      assert.equal(result.kind, 'found');
      assert.ok(result.kind === 'found' && matchGlob(host('*.example.com'), result.example) && matchGlob(host('api.*'), result.example));
    });
    it('proves two patterns are disjoint', () => assert.deepEqual(commonString([[path('/a/*')], [path('/b/*')]]), { kind: 'none' }));

    it('is right about random patterns: witnesses check out, and "none" survives sampling', () => {
      const pattern = fc.array(fc.constantFrom('a', 'b', '/', '*', '?'), { maxLength: 6 }).map((cs) => path(cs.join('')));
      fc.assert(
        fc.property(pattern, pattern, fc.array(fc.array(fc.constantFrom('a', 'b', '/', 'x'), { maxLength: 8 }), { maxLength: 30 }), (sub, sup, samples) => {
          const result = escapesFrom([sub], [sup]);
          if (result.kind === 'found') {
            assert.ok(matchGlob(sub, result.example) && !matchGlob(sup, result.example), `witness ${result.example}`);
          } else {
            assert.equal(result.kind, 'none');
            for (const s of samples.map((cs) => cs.join(''))) if (matchGlob(sub, s)) assert.ok(matchGlob(sup, s), `${sub.source} ⊄ ${sup.source}: ${s}`);
          }
        }),
      );
    });
  });

  describe('CIDR blocks', () => {
    it('parses IPv4 and IPv6 addresses', () => {
      assert.equal(parseIp('192.0.2.1')?.family, 4);
      assert.equal(formatIp(parseIp('2001:db8::1') ?? { family: 6, value: 0n }), '2001:db8::1');
      assert.equal(formatIp(parseIp('::ffff:192.0.2.1') ?? { family: 6, value: 0n }), '::ffff:c000:201');
      assert.equal(parseIp('192.0.2.01'), undefined);
      assert.equal(parseIp('1::2::3'), undefined);
      assert.equal(parseIp('300.1.1.1'), undefined);
    });
    it('explains what is wrong with a block', () => {
      assert.deepEqual(parseCidr('10.0.0.0'), { error: 'a CIDR block needs a prefix length, e.g. 192.0.2.0/24 or 2001:db8::/32' });
      assert.deepEqual(parseCidr('10.0.0.0/33'), { error: 'the prefix length must be a number from 0 to 32 for an IPv4 address' });
    });
    it('finds what a set of blocks leaves uncovered', () => {
      assert.equal(firstUncovered([cidr('10.0.0.0/8')], [cidr('10.0.0.0/9'), cidr('10.128.0.0/9')]), undefined);
      const gap = firstUncovered([cidr('10.0.0.0/8')], [cidr('10.0.0.0/9')]);
      assert.equal(gap && formatIp(gap), '10.128.0.0');
      assert.equal(firstUncovered([cidr('2001:db8::/32')], [cidr('::/0')]), undefined);
    });
    it('finds a common address', () => {
      const common = commonAddress([cidr('192.0.2.0/24')], [cidr('192.0.2.128/25'), cidr('10.0.0.0/8')]);
      assert.equal(common && formatIp(common), '192.0.2.128');
      assert.equal(commonAddress([cidr('192.0.2.0/24')], [cidr('2001:db8::/32')]), undefined);
    });
  });

  describe('regular expressions', () => {
    const features = (source: string) => unsupportedFeatures(source).map((p) => [source.slice(p.offset, p.offset + p.length), p.feature]);
    it('finds what AWS does not support', () => {
      assert.deepEqual(features('^(?=a)b(?<!c)'), [['(?=', 'a lookahead'], ['(?<!', 'a lookbehind']]);
      assert.deepEqual(features('(a)\\1'), [['\\1', 'a backreference']]);
      assert.deepEqual(features('(?>ab)c++'), [['(?>', 'an atomic group'], ['++', 'a possessive quantifier']]);
      assert.deepEqual(features('\\p{L}+'), [['\\p{L}', 'a Unicode character class']]);
      assert.deepEqual(features('(?R)|(?1)'), [['(?R)', 'recursion'], ['(?1)', 'a subroutine call']]);
    });
    it('leaves ordinary regexes alone', () => {
      assert.deepEqual(features('^/api/(v[0-9]+)/(?:users|groups)/[^/]+$'), []);
      assert.deepEqual(features('[(?=]\\(\\?=a+?'), []);
    });
    it('compiles PCRE spellings', () => {
      const compiled = compileAwsRegex('(?i)\\A[[:alpha:]]+\\.EXAMPLE\\.com\\z');
      assert.ok('regex' in compiled);
      assert.equal(compiled.regex.test('Api.example.COM'), true);
      assert.equal(compiled.regex.test('a1.example.com'), false);
    });
    it('tells syntax errors from constructs it cannot simulate', () => {
      assert.deepEqual(compileAwsRegex('(abc'), { error: 'Unterminated group', syntax: true });
      const other = compileAwsRegex('(?x) a b');
      assert.ok('error' in other && !other.syntax);
    });
  });
});
