/**
 * `npm run check` in GitHub Actions: every `file:line:column: message` a step printed becomes a workflow command, so
 * GitHub shows it on the pull request's diff, and the job summary lists them with the pages the change touches.
 * Outside Actions nothing here runs: the terminal output is unchanged.
 */
import type { ChangedPage } from '../lib/changed-files.ts';

export interface Annotation {
  level: 'error' | 'warning';
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  /** Which check found it, e.g. "content". */
  title: string;
  message: string;
}

// eslint-disable-next-line no-control-regex -- colour codes are exactly what is stripped
const COLOUR = /\u001b\[[0-9;]*m/g;
/** A repository path, its place, an optional level word and the message (formatContentProblem's form). */
const PROBLEM =
  /^(?:[-*•>]\s+)?((?:content|src|tests|scripts|public|\.github)\/[^\s:]+?)(?::(\d+))?(?::(\d+))?: (?:(error|warning):\s*)?(.+)$/i;

/** The problems a step printed, each once, in the order printed. */
export function annotationsIn(output: string, title: string): Annotation[] {
  const seen = new Set<string>();
  const found: Annotation[] = [];
  for (const raw of output.replace(COLOUR, '').split('\n')) {
    const match = PROBLEM.exec(raw.trim());
    if (!match) continue;
    const [, file, line, column, level, message] = match;
    const key = `${file}:${line}:${column}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({
      level: level?.toLowerCase() === 'warning' ? 'warning' : 'error',
      file: file!,
      line: line === undefined ? undefined : Number(line),
      column: column === undefined ? undefined : Number(column),
      title,
      message: message!.trim(),
    });
  }
  return found;
}

// GitHub's escaping for workflow commands: the message part, and property values (which also end at `,` and `:`).
const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text: string) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** `::error file=…,line=…,col=…,title=…::message`, the line GitHub turns into an annotation on the diff. */
export function workflowCommand(annotation: Annotation): string {
  const properties = [
    `file=${escapeProperty(annotation.file)}`,
    annotation.line === undefined ? undefined : `line=${annotation.line}`,
    annotation.column === undefined ? undefined : `col=${annotation.column}`,
    `title=${escapeProperty(annotation.title)}`,
  ].filter(Boolean);
  return `::${annotation.level} ${properties.join(',')}::${escapeData(annotation.message)}`;
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The job summary: the problems as a table, then the pages the change adds, changes or removes. */
export function jobSummary(annotations: readonly Annotation[], pages: readonly ChangedPage[] | undefined): string {
  const lines = ['## Content check', ''];
  if (annotations.length === 0) lines.push('No problems found.');
  else {
    lines.push(
      `${annotations.length} problem${annotations.length === 1 ? '' : 's'} to fix:`,
      '',
      '| | Where | Check | Problem and fix |',
      '| --- | --- | --- | --- |',
      ...annotations.map((a) => {
        const where = [a.file, a.line, a.line === undefined ? undefined : a.column].filter((p) => p !== undefined);
        const icon = a.level === 'error' ? '❌' : '⚠️';
        return `| ${icon} | \`${cell(where.join(':'))}\` | ${cell(a.title)} | ${cell(a.message)} |`;
      }),
    );
  }
  lines.push('', '## Pages in this change', '');
  if (pages === undefined) lines.push('Unknown: the main branch was not fetched.');
  else if (pages.length === 0) lines.push('No note is added, changed or removed.');
  else lines.push(...pages.map((page) => `- ${page.kind}: \`${page.path}\` (\`${page.file}\`)`));
  return `${lines.join('\n')}\n`;
}
