import type { Loader } from 'astro/loaders';
import { loadRegistry } from './registry';

/**
 * Content-layer loader for the `sources` collection: the same parser and checks
 * the citation plugin uses, so the collection and the Markdown pipeline can
 * never disagree about what is registered.
 */
export function sourcesLoader(file: string): Loader {
  return {
    name: 'asyncio-notes:sources',
    load: async ({ store, parseData, generateDigest, watcher, logger }) => {
      const sync = async () => {
        const { sources } = loadRegistry(file);
        store.clear();
        for (const source of sources) {
          const data = await parseData({ id: source.id, data: { ...source }, filePath: file });
          store.set({ id: source.id, data, digest: generateDigest(data) });
        }
      };
      await sync();
      watcher?.add(file);
      watcher?.on('change', async (changed) => {
        if (changed !== file) return;
        try {
          await sync();
        } catch (error) {
          logger.error(error instanceof Error ? error.message : String(error));
        }
      });
    },
  };
}
