"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "./field";

/** The account name's limit, the same number lib/accounts/schemas.ts enforces. */
export const NAME_MAX = 60;

/**
 * The display-name input with its limit in sight: a count under the field, and past the limit the
 * error at once (no silent `maxLength` stop; the server refuses a longer name the same way).
 */
export function NameField(props: { label: string; defaultValue?: string; error?: string; response?: object; autoComplete?: string }) {
  const tc = useTranslations("common");
  const te = useTranslations("errors");
  const [length, setLength] = useState((props.defaultValue ?? "").length);
  // The server's error is about the value it was sent (`response` tells one reply from the next);
  // once the learner edits the field, only the live check speaks until the next save.
  const [editedAfter, setEditedAfter] = useState<object | undefined>(undefined);
  const over = length > NAME_MAX;
  const serverError = editedAfter !== undefined && editedAfter === props.response ? undefined : props.error;
  return (
    <Field label={props.label} name="name" error={over ? te("name.tooLong") : serverError} hint={tc("nameLength", { count: length, max: NAME_MAX })}>
      {(a) => (
        <input
          {...a}
          name="name"
          type="text"
          autoComplete={props.autoComplete}
          required
          defaultValue={props.defaultValue}
          onChange={(e) => {
            setLength(e.currentTarget.value.length);
            setEditedAfter(props.response);
          }}
          className="field-input"
        />
      )}
    </Field>
  );
}
