// The SVC CLI's text side (lib/vendor/svc/cli.ts): command lines split as a shell splits them and
// read into an Invocation, and answers printed as the CLI prints them.
import { describe, expect, it } from 'vitest';
import { CommandNotFound, formatOutput, parseCommandLine, splitWords } from '../../lib/vendor/svc/cli';
import { SvcError } from '../../lib/vendor/svc/errors';
import type { Invocation } from '../../lib/vendor/svc/invocation';

function svcErrorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof SvcError) return error.code;
    throw error;
  }
  throw new Error('expected an SvcError');
}

const invocation = (options: Invocation['options'] = {}): Invocation => ({ command: 'lsfcmap', options, object: null });

describe('splitWords', () => {
  it('splits on runs of whitespace and ignores leading and trailing blanks', () => {
    expect(splitWords('  svcinfo   lsfcmap\t-delim :\n')).toEqual(['svcinfo', 'lsfcmap', '-delim', ':']);
    expect(splitWords('')).toEqual([]);
    expect(splitWords('   ')).toEqual([]);
  });

  it('groups quoted text, keeps empty quoted words, and escapes with a backslash', () => {
    expect(splitWords(`mkvdisk -name "a b" -udid 'c d' e\\ f`)).toEqual(['mkvdisk', '-name', 'a b', '-udid', 'c d', 'e f']);
    expect(splitWords(`x "" ''`)).toEqual(['x', '', '']);
    expect(splitWords(`"say \\"hi\\""`)).toEqual(['say "hi"']);
    expect(splitWords(`ab"cd"'ef'`)).toEqual(['abcdef']);
  });

  it('takes backslashes literally inside single quotes', () => {
    expect(splitWords(`'a\\b'`)).toEqual(['a\\b']);
  });

  it('refuses a quote that is not closed with CMMVC6070E', () => {
    expect(svcErrorCode(() => splitWords('lsvdisk "vdisk0'))).toBe('CMMVC6070E');
    expect(svcErrorCode(() => splitWords("lsvdisk 'vdisk0"))).toBe('CMMVC6070E');
  });
});

describe('parseCommandLine', () => {
  it('reads svcinfo/svctask lines, bare commands, options, flags and the object', () => {
    expect(parseCommandLine('svcinfo lsfcmap -delim : fcmap0')).toEqual({ command: 'lsfcmap', options: { delim: ':' }, object: 'fcmap0' });
    expect(parseCommandLine('svctask mkfcmap -source vdisk_sql01 -target vdisk_sql02 -copyrate 50 -autodelete')).toEqual({
      command: 'mkfcmap',
      options: { source: 'vdisk_sql01', target: 'vdisk_sql02', copyrate: '50', autodelete: true },
      object: null,
    });
    expect(parseCommandLine('lsvdisk -bytes -filtervalue name=vdisk_*')).toEqual({
      command: 'lsvdisk',
      options: { bytes: true, filtervalue: 'name=vdisk_*' },
      object: null,
    });
    expect(parseCommandLine('svctask startfcmap -prep fcmap3')).toEqual({ command: 'startfcmap', options: { prep: true }, object: 'fcmap3' });
  });

  it('takes a word that looks like a negative number as the object, not an option', () => {
    expect(parseCommandLine('lsvdisk -1')).toEqual({ command: 'lsvdisk', options: {}, object: '-1' });
  });

  it('takes the word after a value option as its value even when it starts with a dash', () => {
    expect(parseCommandLine('mkvdisk -name -x -mdiskgrp 0 -size 1').options).toEqual({ name: '-x', mdiskgrp: '0', size: '1' });
  });

  it('throws CommandNotFound for an unknown or missing command', () => {
    expect(() => parseCommandLine('svcinfo lsnothing')).toThrow(CommandNotFound);
    expect(() => parseCommandLine('rm -rf /')).toThrow(CommandNotFound);
    expect(() => parseCommandLine('svctask')).toThrow(CommandNotFound);
    expect(() => parseCommandLine('')).toThrow(CommandNotFound);
    expect(() => parseCommandLine('svcinfo lsnothing -x')).toThrow(/^lsnothing$/);
  });

  it('knows no command or option by an inherited name (constructor, __proto__, toString)', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(() => parseCommandLine(`svcinfo ${name}`)).toThrow(CommandNotFound);
      expect(svcErrorCode(() => parseCommandLine(`lsfcmap -${name} x`))).toBe('CMMVC5709E');
    }
  });

  it('refuses an option the command does not take (CMMVC5709E)', () => {
    expect(svcErrorCode(() => parseCommandLine('lsfcmap -copyrate 5'))).toBe('CMMVC5709E');
    expect(svcErrorCode(() => parseCommandLine('rmfcmap -prep fcmap0'))).toBe('CMMVC5709E');
  });

  it('refuses a repeated option, a value option with no value and a second object (CMMVC6070E)', () => {
    expect(svcErrorCode(() => parseCommandLine('mkfcmap -source a -source b -target c'))).toBe('CMMVC6070E');
    expect(svcErrorCode(() => parseCommandLine('mkfcmap -source a -target'))).toBe('CMMVC6070E');
    expect(svcErrorCode(() => parseCommandLine('lsfcmap fcmap0 fcmap1'))).toBe('CMMVC6070E');
  });
});

describe('formatOutput', () => {
  const rows = [
    { id: '0', name: 'fcmap0', status: 'idle_or_copied', start_time: '' },
    { id: '12', name: 'nightly_backup', status: 'copying', start_time: '240305070809' },
  ];

  it('prints a concise view with -delim: header then one line per row, empty values kept', () => {
    expect(formatOutput({ kind: 'concise', rows }, invocation({ delim: ':' }))).toBe(
      'id:name:status:start_time\n0:fcmap0:idle_or_copied:\n12:nightly_backup:copying:240305070809\n',
    );
  });

  it('prints a concise view without -delim as columns aligned with spaces, lines right-trimmed', () => {
    const text = formatOutput({ kind: 'concise', rows }, invocation());
    expect(text).toBe(
      ['id name           status         start_time', '0  fcmap0         idle_or_copied', '12 nightly_backup copying        240305070809', ''].join('\n'),
    );
    const lines = text.trimEnd().split('\n');
    const statusColumn = (lines[0] as string).indexOf('status');
    for (const line of lines.slice(1)) expect(line.slice(statusColumn)).toMatch(/^(idle_or_copied|copying)/);
  });

  it('drops the header with -nohdr, with or without -delim', () => {
    expect(formatOutput({ kind: 'concise', rows }, invocation({ delim: ',', nohdr: true }))).toBe(
      '0,fcmap0,idle_or_copied,\n12,nightly_backup,copying,240305070809\n',
    );
    expect(formatOutput({ kind: 'concise', rows: rows.slice(0, 1) }, invocation({ nohdr: true }))).toBe('0 fcmap0 idle_or_copied\n');
  });

  it('prints nothing for an empty listing', () => {
    expect(formatOutput({ kind: 'concise', rows: [] }, invocation())).toBe('');
    expect(formatOutput({ kind: 'concise', rows: [] }, invocation({ delim: ':' }))).toBe('');
  });

  it('prints a detailed view as "name value" lines, or name<delim>value with -delim', () => {
    const row = { id: '3', name: 'm3', group_name: '', copy_rate: '50' };
    expect(formatOutput({ kind: 'detail', row }, invocation())).toBe('id 3\nname m3\ngroup_name\ncopy_rate 50\n');
    expect(formatOutput({ kind: 'detail', row }, invocation({ delim: ':' }))).toBe('id:3\nname:m3\ngroup_name:\ncopy_rate:50\n');
  });

  it('prints a group detail once, then one FC_mapping_id/FC_mapping_name pair per member', () => {
    const row = { id: '1', name: 'g1', status: 'copying', FC_mapping_id: '5', FC_mapping_name: 'm5' };
    const repeated = [
      { FC_mapping_id: '4', FC_mapping_name: 'm4' },
      { FC_mapping_id: '5', FC_mapping_name: 'm5' },
    ];
    expect(formatOutput({ kind: 'detail', row, repeated }, invocation({ delim: ':' }))).toBe(
      'id:1\nname:g1\nstatus:copying\nFC_mapping_id:4\nFC_mapping_name:m4\nFC_mapping_id:5\nFC_mapping_name:m5\n',
    );
  });

  it('prints lsvdisk <id> as the volume block then the copy block, separated by a blank line', () => {
    const text = formatOutput(
      {
        kind: 'detail-list',
        rows: [
          { id: '0', name: 'v0' },
          { copy_id: '0', status: 'online' },
        ],
      },
      invocation(),
    );
    expect(text).toBe('id 0\nname v0\n\ncopy_id 0\nstatus online\n');
  });

  it('prints the sentence of a created object and nothing for a task that answers nothing', () => {
    expect(formatOutput({ kind: 'created', id: '7', message: 'FlashCopy Mapping, id [7], successfully created' }, invocation())).toBe(
      'FlashCopy Mapping, id [7], successfully created\n',
    );
    expect(formatOutput({ kind: 'done' }, invocation())).toBe('');
  });
});
