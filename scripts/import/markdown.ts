/**
 * The importer works on the note's source text: it parses it once, then
 * collects edits by offset and applies them at the end, so everything it does
 * not change stays byte for byte as written.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Root } from 'mdast';

export interface Edit {
  start: number;
  end: number;
  text: string;
  /** At the same position, edits apply in ascending order; a later one ends up in front. */
  order?: number;
}

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

export function applyEdits(text: string, edits: Edit[]): string {
  // An edit inside a replaced range (a text node inside a rewritten autolink) is covered by the replacement.
  const replacing = edits.filter((edit) => edit.end > edit.start);
  const kept = edits.filter(
    (edit) => !replacing.some((outer) => outer !== edit && outer.start <= edit.start && edit.end <= outer.end),
  );
  return kept
    .sort((a, b) => b.start - a.start || b.end - a.end || (a.order ?? 0) - (b.order ?? 0))
    .reduce((result, edit) => result.slice(0, edit.start) + edit.text + result.slice(edit.end), text);
}

export function descendants(node: Nodes): Nodes[] {
  return [node, ...('children' in node ? node.children.flatMap((child) => descendants(child)) : [])];
}

export function plain(node: Nodes): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}

export function line(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

export function offset(node: Nodes, side: 'start' | 'end'): number {
  const value = node.position?.[side].offset;
  if (value === undefined) throw new Error('Markdown node without a position');
  return value;
}

export function lineStart(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

export function endOfBlankLines(text: string, index: number): number {
  const match = /^[ \t]*(?:\r?\n[ \t]*)*/.exec(text.slice(index));
  return index + (match?.[0].length ?? 0);
}
