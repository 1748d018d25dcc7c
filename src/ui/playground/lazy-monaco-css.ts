/**
 * A Vite plugin for the site build (astro.config.mjs), not browser code: Monaco's ~28 stylesheets become
 * `<style>` elements its lazy chunk adds when it runs, instead of render-blocking `<link>`s that Astro hoists
 * into the head of every page whose script may import the editor (withastro/astro#9495), so the playground's
 * terminal is interactive before the editor's CSS has arrived.
 */

/** The part of Vite's plugin API this plugin uses (no import of `vite`'s types into src/ui). */
type ResolvePlugin = {
  name: string;
  enforce: 'pre';
  resolveId(
    this: { resolve(source: string, importer: string | undefined, options: object): Promise<{ id: string } | null> },
    source: string, importer: string | undefined, options: object,
  ): Promise<string | null>;
  load(id: string): string | null;
};

const PREFIX = '\0aa-lazy-css:';

/**
 * @returns the plugin: a `.css` imported by a module of `monaco-editor` resolves to a script that inserts it
 * @example vite: { plugins: [lazyMonacoCss()] }
 */
export function lazyMonacoCss(): ResolvePlugin {
  return {
    name: 'aa-lazy-monaco-css',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('.css') || importer === undefined || !importer.includes('/node_modules/monaco-editor/')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      // The id must not end in `.css`, or Vite would treat this script as a stylesheet.
      return resolved === null ? null : `${PREFIX}${resolved.id}.js`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      // `?inline` runs the stylesheet through Vite's CSS pipeline (url() to hashed assets) and gives its text.
      const file = JSON.stringify(`${id.slice(PREFIX.length, -'.js'.length)}?inline`);
      return `import text from ${file};\nconst style = document.createElement('style');\nstyle.textContent = text;\ndocument.head.append(style);\n`;
    },
  };
}
