/**
 * Small adjustments of the code themes for the AppArmor grammar's scopes. Starlight's Night Owl Light
 * paints unquoted strings and constants the same blue, which would make a path and its permissions
 * (`/tmp/** rw,`) one colour; paths get the theme's own quoted-string brown instead.
 */
import type { ExpressiveCodeTheme } from '@astrojs/starlight/expressive-code';

/** Night Owl Light's colour for quoted strings (`<tunables/global>` already gets it). */
const LIGHT_PATH_COLOUR = '#984E4D';

/**
 * Expressive Code's `customizeTheme` hook: called once per theme, changes it in place.
 *
 * @param theme - a theme Expressive Code is about to use
 * @returns nothing; light themes gain a rule for AppArmor paths and values
 * @example customizeApparmorColours(nightOwlLight) // `string.unquoted.path.apparmor` → #984E4D
 */
export function customizeApparmorColours(theme: ExpressiveCodeTheme): void {
  if (theme.type !== 'light') return;
  theme.settings.push({
    name: 'AppArmor paths apart from permissions',
    scope: ['string.unquoted.path.apparmor', 'string.unquoted.value.apparmor'],
    settings: { foreground: LIGHT_PATH_COLOUR },
  });
}
