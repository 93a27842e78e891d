import { describe, expect, it } from 'vitest';
import type { FunnelStage } from '../../api/types.js';
import { csvCell, funnelCsv, funnelFileName, toCsv } from './funnel-csv.js';

describe('csvCell', () => {
  it.each([
    [null, ''],
    [0, '0'],
    [12.5, '12.5'],
    [Number.NaN, ''],
    ['Buyer', '"Buyer"'],
    ['', '""'],
    ['Say "hi", then go', '"Say ""hi"", then go"'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', `"'+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
    ['a=b', '"a=b"'],
    ['Kunde 1+', '"Kunde 1+"'],
  ])('%j → %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('toCsv', () => {
  it('joins cells with commas and rows with CRLF, ending with one', () => {
    expect(toCsv([['a', 1], [null, 'b,c']])).toBe('"a",1\r\n,"b,c"\r\n');
  });
});

describe('funnelCsv', () => {
  const stages: FunnelStage[] = [
    { index: 0, key: 'first_contact', name: 'First contact', entered: 120, conversionToNext: 0.625, medianDaysToReach: 0 },
    { index: 1, key: 'buyer', name: '=cmd|"/c calc"!A1', entered: 75, conversionToNext: 1 / 3, medianDaysToReach: 12.25 },
    { index: 2, key: 'vip', name: 'Høj værdi', entered: 0, conversionToNext: null, medianDaysToReach: null },
  ];
  it('writes a header row and one row per stage, percent and days rounded to one decimal', () => {
    const csv = funnelCsv(stages, { stage: 'Stage', entered: 'Entered', conversion: 'Conversion to next (%)', median: 'Median days to reach' });
    expect(csv.split('\r\n')).toEqual([
      '"Stage","Entered","Conversion to next (%)","Median days to reach"',
      '"First contact",120,62.5,0',
      `"'=cmd|""/c calc""!A1",75,33.3,12.3`,
      '"Høj værdi",0,,',
      '',
    ]);
  });
});

describe('funnelFileName', () => {
  it.each([
    ['B2B accounts', 'funnel-b2b-accounts-2026-03-01-2026-05-30.csv'],
    ['Kunderejsen: Ørsted/ÆØÅ', 'funnel-kunderejsen-ørsted-æøå-2026-03-01-2026-05-30.csv'],
    ['../../etc/passwd', 'funnel-etc-passwd-2026-03-01-2026-05-30.csv'],
    ['***', 'funnel-route-2026-03-01-2026-05-30.csv'],
  ])('%s', (name, file) => {
    expect(funnelFileName(name, '2026-03-01', '2026-05-30')).toBe(file);
  });
});
