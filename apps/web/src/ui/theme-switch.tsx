import { useState } from "preact/hooks";
import { applyThemeChoice, readThemeChoice, THEME_CHOICES, type ThemeChoice } from "./theme";
import "./theme-switch.css";

/**
 * The theme choice (System, Light, Dark) as one radio group: self-contained, so it can sit in
 * the navigation's menu or on a settings page. The choice is kept in this browser only.
 */
export function ThemeSwitch(props: { id?: string; legend?: string }) {
  const [choice, setChoice] = useState<ThemeChoice>(readThemeChoice);
  const name = props.id ?? "theme";
  return (
    <fieldset class="theme-switch">
      <legend>{props.legend ?? "Theme"}</legend>
      <div class="theme-switch-options">
        {THEME_CHOICES.map((option) => (
          <label key={option.value} class="theme-option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={choice === option.value}
              onChange={() => {
                setChoice(option.value);
                applyThemeChoice(option.value);
              }}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
