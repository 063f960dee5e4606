// The SVC CLI's text side: a command line split as a shell would and read into an Invocation, and
// an answer printed as the CLI prints it (aligned columns, or -delim separated; detailed views as
// "name value" lines; -nohdr drops the header).
import { optionKind, svcCommand } from './commands';
import { invalidArgument, unsupportedParameter } from './errors';
import type { Invocation, OptionValue } from './invocation';
import type { SvcOutput } from './output';
import type { Row } from './views';

export class CommandNotFound extends Error {}

/** Words of a command line: whitespace separates, quotes group, a backslash escapes one character. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index] as string;
    if (quote !== null) {
      if (char === quote) quote = null;
      else if (char === '\\' && quote === '"' && index + 1 < line.length) current += line[++index];
      else current += char;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (char === '\\' && index + 1 < line.length) {
      current += line[++index];
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (quote !== null) throw invalidArgument('a quote is not closed');
  if (inWord) words.push(current);
  return words;
}

/** `svcinfo lsfcmap -delim : fcmap0` / `svctask mkfcmap -source a -target b` → an Invocation. */
export function parseCommandLine(line: string): Invocation {
  const words = splitWords(line);
  if (words[0] === 'svcinfo' || words[0] === 'svctask') words.shift();
  const command = words.shift();
  if (command === undefined) throw new CommandNotFound('');
  const spec = svcCommand(command);
  if (spec === undefined) throw new CommandNotFound(command);
  const options: Record<string, OptionValue> = Object.create(null) as Record<string, OptionValue>;
  let object: string | null = null;
  while (words.length > 0) {
    const word = words.shift() as string;
    if (word.startsWith('-') && word.length > 1 && !/^-\d/.test(word)) {
      const name = word.slice(1);
      const kind = optionKind(spec, name);
      if (kind === undefined) throw unsupportedParameter(name);
      if (name in options) throw invalidArgument(`-${name} is given twice`);
      if (kind === 'flag') options[name] = true;
      else {
        const value = words.shift();
        if (value === undefined) throw invalidArgument(`-${name} needs a value`);
        options[name] = value;
      }
    } else if (object === null) {
      object = word;
    } else {
      throw invalidArgument(`unexpected argument "${word}"`);
    }
  }
  return { command, options, object };
}

function table(rows: readonly Row[], delim: string | undefined, header: boolean): string {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0] as Row);
  const lines = [...(header ? [columns] : []), ...rows.map((row) => columns.map((column) => row[column] ?? ''))];
  if (delim !== undefined) return lines.map((cells) => cells.join(delim)).join('\n') + '\n';
  const widths = columns.map((_, index) => Math.max(...lines.map((cells) => (cells[index] ?? '').length)));
  return (
    lines
      .map((cells) =>
        cells
          .map((cell, index) => (index === cells.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
          .join(' ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

function detail(row: Row, delim: string | undefined): string {
  return (
    Object.entries(row)
      .map(([name, value]) => `${name}${delim ?? ' '}${value}`.trimEnd())
      .join('\n') + '\n'
  );
}

export function formatOutput(output: SvcOutput, invocation: Invocation): string {
  const delim = typeof invocation.options.delim === 'string' ? invocation.options.delim : undefined;
  const header = invocation.options.nohdr !== true;
  switch (output.kind) {
    case 'concise':
      return table(output.rows, delim, header);
    case 'detail': {
      const { FC_mapping_id: _id, FC_mapping_name: _name, ...own } = output.row;
      if (output.repeated === undefined) return detail(output.row, delim);
      return detail(own, delim) + output.repeated.map((row) => detail(row, delim)).join('');
    }
    case 'detail-list':
      return output.rows.map((row) => detail(row, delim)).join('\n');
    case 'created':
      return `${output.message}\n`;
    case 'done':
      return '';
  }
}
