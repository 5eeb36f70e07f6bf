import { createContext, useContext, type ReactNode } from "react";
import { useI18n } from "../i18n/index.tsx";
import { msgText, type Issues } from "../lib/issues.ts";
import { getAt, pathKey, type Path } from "../lib/path.ts";

export interface FormApi {
  value: unknown;
  set: (path: Path, v: unknown) => void;
  issues: Issues;
  readOnly?: boolean;
}

const FormCtx = createContext<FormApi | null>(null);

export function FormProvider({ form, children }: { form: FormApi; children: ReactNode }) {
  return <FormCtx.Provider value={form}>{children}</FormCtx.Provider>;
}

export function useForm(): FormApi {
  const f = useContext(FormCtx);
  if (!f) throw new Error("field outside a form");
  return f;
}

export const fieldId = (path: Path) => `f-${pathKey(path).replace(/\./g, "-")}`;

export function useField(path: Path) {
  const f = useForm();
  const key = pathKey(path);
  return {
    id: fieldId(path),
    value: getAt(f.value, path),
    set: (v: unknown) => f.set(path, v),
    errors: f.issues[key] ?? [],
    readOnly: f.readOnly ?? false,
  };
}

/** Messages of one path (also for whole lists and objects, e.g. "names"). */
export function FieldErrors({ path, id }: { path: Path; id?: string }) {
  const { t, m } = useI18n();
  const errors = useForm().issues[pathKey(path)] ?? [];
  if (errors.length === 0) return null;
  return (
    <ul className="field-errors" id={id ?? `${fieldId(path)}-err`} data-path={pathKey(path)}>
      {errors.map((e, i) => (
        <li key={i}>{msgText(e, t, m)}</li>
      ))}
    </ul>
  );
}

interface Common {
  path: Path;
  label: string;
  hint?: string;
  className?: string;
}

function Wrap({
  id,
  label,
  hint,
  errors,
  children,
  className,
  path,
}: Common & { id: string; errors: readonly unknown[]; children: ReactNode }) {
  return (
    <div className={`field${errors.length ? " invalid" : ""}${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <small className="hint">{hint}</small> : null}
      <FieldErrors path={path} />
    </div>
  );
}

const described = (id: string, errors: readonly unknown[]) =>
  errors.length ? { "aria-invalid": true as const, "aria-describedby": `${id}-err` } : {};

/** A text input; an empty field is "no value" (undefined), which the schema reports when required. */
export function TextField(
  props: Common & { multiline?: boolean; placeholder?: string; rows?: number; dir?: string },
) {
  const { id, value, set, errors, readOnly } = useField(props.path);
  const v = typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
  const onChange = (s: string) => set(s === "" ? undefined : s);
  return (
    <Wrap {...props} id={id} errors={errors}>
      {props.multiline ? (
        <textarea
          id={id}
          value={v}
          rows={props.rows ?? 3}
          readOnly={readOnly}
          placeholder={props.placeholder}
          onChange={(e) => onChange(e.target.value)}
          {...described(id, errors)}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={v}
          readOnly={readOnly}
          placeholder={props.placeholder}
          onChange={(e) => onChange(e.target.value)}
          {...described(id, errors)}
        />
      )}
    </Wrap>
  );
}

export function NumberField(props: Common & { step?: number; min?: number; max?: number }) {
  const { id, value, set, errors, readOnly } = useField(props.path);
  return (
    <Wrap {...props} id={id} errors={errors}>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={typeof value === "number" ? value : ""}
        step={props.step ?? 1}
        min={props.min}
        max={props.max}
        readOnly={readOnly}
        onChange={(e) => set(e.target.value === "" ? undefined : Number(e.target.value))}
        {...described(id, errors)}
      />
    </Wrap>
  );
}

export function SelectField(
  props: Common & {
    options: readonly string[];
    labelOf?: (v: string) => string;
    empty?: string;
    allowEmpty?: boolean;
  },
) {
  const { e } = useI18n();
  const { id, value, set, errors, readOnly } = useField(props.path);
  const labelOf = props.labelOf ?? e;
  return (
    <Wrap {...props} id={id} errors={errors}>
      <select
        id={id}
        value={typeof value === "string" ? value : ""}
        disabled={readOnly}
        onChange={(ev) => set(ev.target.value === "" ? undefined : ev.target.value)}
        {...described(id, errors)}
      >
        {props.allowEmpty !== false ? <option value="">{props.empty ?? "—"}</option> : null}
        {props.options.map((o) => (
          <option key={o} value={o}>
            {labelOf(o)}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

export function CheckField({ path, label }: { path: Path; label: string }) {
  const { id, value, set, readOnly } = useField(path);
  return (
    <div className="field check">
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        disabled={readOnly}
        onChange={(e) => set(e.target.checked ? true : undefined)}
      />
      <label htmlFor={id}>{label}</label>
      <FieldErrors path={path} />
    </div>
  );
}

/** A list of items with add and remove; `render` draws one item at its path. */
export function ListField({
  path,
  label,
  addLabel,
  newItem,
  render,
  className,
}: {
  path: Path;
  label: string;
  addLabel: string;
  newItem: () => unknown;
  render: (itemPath: Path, index: number) => ReactNode;
  className?: string;
}) {
  const { t } = useI18n();
  const { value, set, readOnly } = useField(path);
  const items = Array.isArray(value) ? (value as unknown[]) : [];
  return (
    <fieldset className={`list${className ? ` ${className}` : ""}`} id={fieldId(path)}>
      <legend>{label}</legend>
      <FieldErrors path={path} />
      {items.map((_, i) => (
        <div className="list-item" key={i}>
          <div className="list-item-body">{render([...path, i], i)}</div>
          {readOnly ? null : (
            <button
              type="button"
              className="link danger"
              onClick={() => set(items.filter((__, j) => j !== i))}
              aria-label={`${t("remove")} ${label} ${i + 1}`}
            >
              {t("remove")}
            </button>
          )}
        </div>
      ))}
      {readOnly ? null : (
        <button type="button" className="secondary small" onClick={() => set([...items, newItem()])}>
          + {addLabel}
        </button>
      )}
    </fieldset>
  );
}
