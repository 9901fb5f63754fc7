import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { handToPage, pageData, pageDataKey } from '../../../src/core/page-data';

const COUNT = pageDataKey<number>('count');
const IDS = pageDataKey<string[]>('ids');

describe('page data', () => {
  it('hands a value to the page under its key, next to the note frontmatter', () => {
    const file = new VFile({ data: { astro: { frontmatter: { title: 'A note' } } } });
    handToPage(file, COUNT, 2);
    handToPage(file, IDS, ['a']);
    const frontmatter = file.data.astro?.frontmatter ?? {};
    expect(frontmatter).toEqual({ title: 'A note', count: 2, ids: ['a'] });
    expect(pageData(frontmatter, COUNT)).toBe(2);
    expect(pageData(frontmatter, IDS)).toEqual(['a']);
  });

  it('works on a file no plugin has touched, and reads nothing where nothing was handed', () => {
    const file = new VFile();
    handToPage(file, COUNT, 1);
    expect(file.data.astro?.frontmatter).toEqual({ count: 1 });
    expect(pageData({}, IDS)).toBeUndefined();
  });
});
