// Expressive Code options that cannot sit in astro.config.mjs: functions are not serializable, and the
// <Code> component (used by the landing page) reads its options from this file. Merged with the
// `expressiveCode` options of astro.config.mjs (which load the AppArmor grammar).
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { customizeApparmorColours } from './src/syntax/code-theme.ts';

export default defineEcConfig({
  customizeTheme: customizeApparmorColours,
});
