// The exports' number rule (www/csv.js, README "Exports"): at most 12 significant figures, shortest form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvNumber, csvCell, csvLines } from '../../www/csv.js';

test('float noise goes, the data\'s digits stay', () => {
  assert.equal(0.21335 + 0.06183, 0.27518000000000004); // the noise itself
  assert.equal(csvNumber(0.21335 + 0.06183), '0.27518');
  assert.equal(csvNumber(2.57082 + 0.61101), '3.18183');
  assert.equal(csvNumber(0.1 + 0.2), '0.3');
  assert.equal(csvNumber(1199.72542), '1199.72542');
  assert.equal(csvNumber(1453.412458477525), '1453.41245848');
  assert.equal(csvNumber(-246.12185010414572), '-246.121850104');
  assert.equal(csvNumber(0.9), '0.9');
  assert.equal(csvNumber(0), '0');
  assert.equal(csvNumber(-0), '0');
  assert.equal(csvNumber(12345678901234), '12345678901200');
  assert.equal(csvNumber(1.23456789012345e-7), '1.23456789012e-7');
});

test('cells: empty for null, text quoted when it must be', () => {
  assert.deepEqual([null, undefined, true, 'a,b', 'say "hi"', 0.30000000000000004].map(csvCell), ['', '', 'true', '"a,b"', '"say ""hi"""', '0.3']);
  assert.equal(csvLines([['a', 1], ['b', null]]), 'a,1\nb,\n');
});
