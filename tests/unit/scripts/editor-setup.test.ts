import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILES, jsonSchema } from '../../../scripts/editor-schemas';
import { noteSchema } from '../../../src/features/notes/schema';

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('writing help in editors', () => {
  it.each(Object.entries(SCHEMA_FILES))('%s is what `npm run schemas` writes from the zod schema', (file, schema) => {
    expect(readFileSync(file, 'utf8'), `${file} is out of date: run \`npm run schemas\``).toBe(jsonSchema(schema()));
  });

  it('the frontmatter schema knows every field the build accepts, and which are required', () => {
    const schema = json('.vscode/note-frontmatter.schema.json') as { properties: object; required: string[] };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(noteSchema.shape).sort());
    expect(schema.required).toEqual(['title', 'description', 'section', 'order', 'updated']);
    expect(schema).toMatchObject({ additionalProperties: false });
  });

  it('VS Code uses the schemas: Astro for note frontmatter, the YAML language server for the source registry', () => {
    const settings = json('.vscode/settings.json');
    expect(settings['astro.content-intellisense']).toBe(true);
    expect(settings['yaml.schemas']).toEqual({ './.vscode/sources.schema.json': ['content/sources/sources.yaml'] });
    const recommended = (json('.vscode/extensions.json') as { recommendations: string[] }).recommendations;
    expect(recommended).toEqual(expect.arrayContaining(['astro-build.astro-vscode', 'redhat.vscode-yaml']));
  });

  it('the dev container installs what npm run dev and npm test need, Chromium included', () => {
    const container = json('.devcontainer/devcontainer.json') as {
      postCreateCommand: string;
      forwardPorts: number[];
      customizations: { vscode: { extensions: string[] } };
    };
    expect(container.postCreateCommand).toMatch(/apt-get install -y .*\bchromium-headless-shell\b.*\bpoppler-utils\b/);
    expect(container.postCreateCommand).toMatch(/npm ci\b/);
    expect(container.forwardPorts).toContain(4321);
    const recommended = (json('.vscode/extensions.json') as { recommendations: string[] }).recommendations;
    expect(container.customizations.vscode.extensions).toEqual(recommended);
  });
});
