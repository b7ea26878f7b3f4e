import { useState } from 'react';

/**
 * A setting that is one switch: it follows the tap at once and goes back only if saving fails
 * (a switch waiting for the save would let a fast second tap see no change); "Saved" after.
 */
export function SwitchSetting(props: {
  id: string;
  title: string;
  intro: string;
  label: string;
  savedText: string;
  stored: boolean;
  save: (on: boolean) => Promise<boolean>;
}) {
  const [on, setOn] = useState(props.stored);
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <p>{props.intro}</p>
      <label className="checkbox">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          onChange={async (event) => {
            const next = event.target.checked;
            setOn(next);
            setSaved(false);
            const done = await props.save(next);
            if (!done) setOn(!next);
            setSaved(done);
          }}
        />
        <span>{props.label}</span>
      </label>
      {saved ? <p role="status">{props.savedText}</p> : null}
    </section>
  );
}
