// -filtervalue of the ls commands (lib/vendor/svc/filter.ts): attribute=value conditions joined by
// ":", all of which must hold; `*` in a value matches any run of characters (the IBM Ansible
// modules look up `name=<target>_temp_*`).
import { describe, expect, it } from 'vitest';
import { SvcError } from '../../lib/vendor/svc/errors';
import { parseFilter } from '../../lib/vendor/svc/filter';

const rows = [
  { id: '0', name: 'vdisk_sql01', mdisk_grp_name: 'mdiskgrp0', capacity: '1073741824' },
  { id: '1', name: 'vdisk_sql02', mdisk_grp_name: 'mdiskgrp1', capacity: '1073741824' },
  { id: '2', name: 'vdisk_web01', mdisk_grp_name: 'mdiskgrp0', capacity: '10737418240' },
  { id: '3', name: 'tgt_temp_1700000000.5', mdisk_grp_name: 'mdiskgrp0', capacity: '1073741824' },
  { id: '4', name: 'tgtXtemp_1', mdisk_grp_name: 'mdiskgrp0', capacity: '5' },
];
const names = (filter: string | undefined) => rows.filter(parseFilter(filter)).map((row) => row.name);

function svcErrorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof SvcError) return error.code;
    throw error;
  }
  throw new Error('expected an SvcError');
}

describe('parseFilter', () => {
  it('keeps every row without a filter', () => {
    expect(names(undefined)).toHaveLength(rows.length);
    expect(names('')).toHaveLength(rows.length);
  });

  it('matches a value exactly, not as a substring', () => {
    expect(names('name=vdisk_sql01')).toEqual(['vdisk_sql01']);
    expect(names('name=vdisk_sql0')).toEqual([]);
    expect(names('name=sql01')).toEqual([]);
  });

  it('lets * match any run of characters, including none, anywhere in the value', () => {
    expect(names('name=vdisk_sql*')).toEqual(['vdisk_sql01', 'vdisk_sql02']);
    expect(names('name=*01')).toEqual(['vdisk_sql01', 'vdisk_web01']);
    expect(names('name=vdisk_*0*1')).toEqual(['vdisk_sql01', 'vdisk_web01']);
    expect(names('name=vdisk_sql01*')).toEqual(['vdisk_sql01']);
    expect(names('name=*')).toHaveLength(rows.length);
  });

  it('treats regular-expression characters in the value literally (the Ansible temp-name lookup)', () => {
    expect(names('name=tgt_temp_*')).toEqual(['tgt_temp_1700000000.5']);
    expect(names('name=tgt.temp_*')).toEqual([]);
    expect(names('name=tgt_temp_1700000000.5')).toEqual(['tgt_temp_1700000000.5']);
    expect(names('name=tgt_temp_1700000000x5')).toEqual([]);
  });

  it('requires every condition joined with ":" to hold', () => {
    expect(names('name=vdisk_*:mdisk_grp_name=mdiskgrp0')).toEqual(['vdisk_sql01', 'vdisk_web01']);
    expect(names('mdisk_grp_name=mdiskgrp0:capacity=1073741824:name=*01')).toEqual(['vdisk_sql01']);
    expect(names('name=vdisk_sql01:mdisk_grp_name=mdiskgrp1')).toEqual([]);
  });

  it('matches nothing on an attribute the rows do not have', () => {
    expect(names('colour=blue')).toEqual([]);
  });

  it('compares numbers with < and >', () => {
    expect(names('id<2')).toEqual(['vdisk_sql01', 'vdisk_sql02']);
    expect(names('id>2')).toEqual(['tgt_temp_1700000000.5', 'tgtXtemp_1']);
    expect(names('capacity>1073741824')).toEqual(['vdisk_web01']);
  });

  // The operator pattern is (=|<|>|<=|>=): "<" wins over "<=" (alternation order), leaving "=2" as
  // the value, which is not a number, so the filter is refused instead of applied.
  it('compares numbers with <= and >=', () => {
    expect(names('id<=1')).toEqual(['vdisk_sql01', 'vdisk_sql02']);
    expect(names('id>=3')).toEqual(['tgt_temp_1700000000.5', 'tgtXtemp_1']);
  });

  it('refuses a condition that is not attribute<op>value, and a non-number after < or > (CMMVC6070E)', () => {
    expect(svcErrorCode(() => parseFilter('name'))).toBe('CMMVC6070E');
    expect(svcErrorCode(() => parseFilter('=vdisk0'))).toBe('CMMVC6070E');
    expect(svcErrorCode(() => parseFilter('name=a:'))).toBe('CMMVC6070E');
    expect(svcErrorCode(() => parseFilter('id<abc'))).toBe('CMMVC6070E');
  });
});
