import * as assert from 'node:assert/strict';
import {
  compareQuantities, formatQuantity, parseQuantity, quantityToMilli, readQuantity, type Quantity, type QuantityFormat,
} from '../../../server/src/k8s/quantity';

// Cases from kubernetes/apimachinery pkg/api/resource/quantity_test.go (TestQuantityParse, TestQuantityString,
// TestQuantityParseEmit, TestQuantityCmp, TestParseQuantityString), read at commit eed236ce.

/** decQuantity(mantissa, scale, format) of the Go tests: mantissa x 10^scale. */
function dec(mantissa: number, scale: number, format: QuantityFormat): Quantity {
  const nanoScale = scale + 9;
  const nanos = nanoScale >= 0 ? BigInt(mantissa) * 10n ** BigInt(nanoScale) : BigInt(mantissa) / 10n ** BigInt(-nanoScale);
  return { nanos, format };
}

const MAX_ALLOWED: Quantity = { nanos: (2n ** 63n - 1n) * 1_000_000_000n, format: 'BinarySI' };

const PARSED: [string, Quantity][] = [
  ['0', dec(0, 0, 'DecimalSI')], ['0n', dec(0, 0, 'DecimalSI')], ['0m', dec(0, 0, 'DecimalSI')], ['0Ki', dec(0, 0, 'BinarySI')],
  ['0Mi', dec(0, 0, 'BinarySI')], ['0G', dec(0, 0, 'DecimalSI')], ['1', dec(1, 0, 'DecimalSI')],
  ['1Ki', dec(1024, 0, 'BinarySI')], ['7Mi', dec(7 * 1024 * 1024, 0, 'BinarySI')], ['6Gi', dec(6 * 1024 ** 3, 0, 'BinarySI')],
  ['5Ti', dec(5 * 1024 ** 4, 0, 'BinarySI')], ['4Pi', dec(4 * 1024 ** 5, 0, 'BinarySI')],
  ['5n', dec(5, -9, 'DecimalSI')], ['4u', dec(4, -6, 'DecimalSI')], ['3m', dec(3, -3, 'DecimalSI')], ['50k', dec(5, 4, 'DecimalSI')],
  ['7M', dec(7, 6, 'DecimalSI')], ['300T', dec(3, 14, 'DecimalSI')], ['2P', dec(2, 15, 'DecimalSI')], ['1E', dec(1, 18, 'DecimalSI')],
  ['1E-3', dec(1, -3, 'DecimalExponent')], ['1e3', dec(1, 3, 'DecimalExponent')], ['1E18', dec(1, 18, 'DecimalExponent')],
  ['100.035k', dec(100035, 0, 'DecimalSI')], ['0.001', dec(1, -3, 'DecimalSI')], ['0.0005k', dec(5, -1, 'DecimalSI')],
  ['0.5e-2', dec(5, -3, 'DecimalExponent')], ['10.035M', dec(10035, 3, 'DecimalSI')], ['1.3E+6', dec(13, 5, 'DecimalExponent')],
  ['1.7E18', dec(17, 17, 'DecimalExponent')], ['7.123456M', dec(7123456, 0, 'DecimalSI')], ['1.01E', dec(101, 16, 'DecimalSI')],
  ['3.001n', dec(4, -9, 'DecimalSI')], ['1.1E-9', dec(2, -9, 'DecimalExponent')], ['0.0000000001', dec(1, -9, 'DecimalSI')],
  ['0.5e-9', dec(1, -9, 'DecimalExponent')], ['0.9n', dec(1, -9, 'DecimalSI')], ['0.00000012345', dec(124, -9, 'DecimalSI')],
  ['9Ei', MAX_ALLOWED], ['9223372036854775807Ki', MAX_ALLOWED], ['12E', dec(12, 18, 'DecimalSI')],
  ['100.035Ki', dec(10243584, -2, 'BinarySI')], ['0.5Mi', dec(0.5 * 1024 * 1024, 0, 'BinarySI')], ['0.025Ti', dec(274877906944, -1, 'BinarySI')],
  ['0.000000000001Ki', dec(2, -9, 'DecimalSI')], ['.001', dec(1, -3, 'DecimalSI')], ['.0001k', dec(100, -3, 'DecimalSI')],
  ['1.', dec(1, 0, 'DecimalSI')], ['1.G', dec(1, 9, 'DecimalSI')], ['.', dec(0, 0, 'DecimalSI')],
];

const INVALID = ['', '1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-', ' 1', '1 ',
  // not in quantity_test.go: a suffix and an exponent together (issue 12), and what users write for bytes.
  '1e3Mi', '1GB', '500mb', '1 Gi', '1gi'];

const STRINGS: [Quantity, string][] = [
  [dec(1024 ** 3, 0, 'BinarySI'), '1Gi'], [dec(300 * 1024 * 1024, 0, 'BinarySI'), '300Mi'], [dec(1001 * 1024 ** 3, 0, 'BinarySI'), '1001Gi'],
  [dec(5, 0, 'BinarySI'), '5'], [dec(500, -3, 'BinarySI'), '500m'], [dec(1000, 6, 'DecimalSI'), '1G'], [dec(1, -3, 'DecimalSI'), '1m'],
  [dec(108, -2, 'DecimalSI'), '1080m'], [dec(10800, -4, 'DecimalSI'), '1080m'], [dec(1234567, 6, 'DecimalSI'), '1234567M'],
  [dec(1234567, -3, 'BinarySI'), '1234567m'], [dec(1025, 0, 'BinarySI'), '1025'], [dec(0, 0, 'BinarySI'), '0'],
  [dec(1, 9, 'DecimalExponent'), '1e9'], [dec(1, -3, 'DecimalExponent'), '1e-3'], [dec(80, -3, 'DecimalExponent'), '80e-3'],
  [dec(300, 6, 'DecimalExponent'), '300e6'], [dec(0, 0, 'DecimalExponent'), '0'], [dec(108, -8, 'DecimalSI'), '1080n'], [dec(1080, -6, 'DecimalSI'), '1080u'],
];

const EMITTED: [string, string][] = [
  ['1Ki', '1Ki'], ['1024Mi', '1Gi'], ['1000M', '1G'], ['.001Ki', '1024m'], ['.000001Ki', '1024u'], ['.000000001Ki', '1024n'], ['.000000000001Ki', '2n'],
  ['1.5', '1500m'], ['1.5Gi', '1536Mi'],
];

describe('k8s: quantities as resource.Quantity reads them', () => {
  it('parses the values of TestQuantityParse exactly, with their format, and with - and + in front', () => {
    for (const [input, expected] of PARSED) {
      assert.deepEqual(parseQuantity(input), expected, input);
      assert.deepEqual(parseQuantity(`+${input}`), expected, `+${input}`);
      if (expected.nanos !== 0n) assert.deepEqual(parseQuantity(`-${input}`), { ...expected, nanos: -expected.nanos }, `-${input}`);
    }
    assert.deepEqual(parseQuantity('-.'), dec(0, 0, 'DecimalSI'), 'TestParseQuantityString: "-." is zero');
  });

  it('rejects what ParseQuantity rejects', () => {
    for (const input of INVALID) assert.equal(parseQuantity(input), undefined, JSON.stringify(input));
  });

  it('formats canonically as String() does, and -x as "-" + String(x)', () => {
    for (const [quantity, expected] of STRINGS) {
      assert.equal(formatQuantity(quantity), expected);
      if (quantity.nanos !== 0n) assert.equal(formatQuantity({ ...quantity, nanos: -quantity.nanos }), `-${expected}`);
      assert.equal(formatQuantity(parseQuantity(expected)!), expected, `${expected} round-trips`);
    }
    for (const [input, expected] of EMITTED) assert.equal(formatQuantity(parseQuantity(input)!), expected, input);
  });

  it('compares as Cmp does', () => {
    const cmp = (a: string, b: string) => compareQuantities(parseQuantity(a)!, parseQuantity(b)!);
    assert.deepEqual([cmp('0', '0'), cmp('100m', '50m'), cmp('50m', '100m'), cmp('10000T', '100Gi')], [0, 1, -1, 1]);
    assert.equal(cmp('1Gi', '1073741824'), 0);
  });

  it('reads YAML numbers as the JSON numbers the API server decodes', () => {
    assert.deepEqual(readQuantity(0.5), dec(5, -1, 'DecimalSI'));
    assert.deepEqual(readQuantity(1e9), dec(1, 9, 'DecimalSI'));
    assert.equal(readQuantity(true), undefined);
    assert.equal(readQuantity(null), undefined);
    assert.equal(quantityToMilli(parseQuantity('0.0001')!), 1, 'MilliValue rounds up');
  });
});
