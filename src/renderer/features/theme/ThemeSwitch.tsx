import { setTheme, useTheme, type ThemeChoice } from './theme.ts'

const choices: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

/** Light, dark, or following the OS; the choice is remembered. */
export function ThemeSwitch() {
  const { choice } = useTheme()
  return (
    <label className="theme-switch">
      <span>Theme</span>
      <select value={choice} onChange={(event) => setTheme(event.target.value as ThemeChoice)} data-testid="theme-switch">
        {choices.map(({ value, label }) => <option key={value} value={value}>{label}</option>)}
      </select>
    </label>
  )
}
