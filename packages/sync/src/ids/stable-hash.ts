import { createHash, type Hash } from "node:crypto";

// Canonical JSON is fed to the hash in chunks of about this many characters, so hashing a plan of
// 100,000 steps never builds the whole document as one string (nor every level's join of it).
const CHUNK = 64 * 1024;

/** Buffers small pieces and hands the hash one chunk at a time; pieces are never split. */
class ChunkedUpdate {
  private buffer = "";
  constructor(private readonly hash: Hash) {}
  write(piece: string): void {
    this.buffer += piece;
    if (this.buffer.length >= CHUNK) {
      this.hash.update(this.buffer);
      this.buffer = "";
    }
  }
  end(): Hash {
    if (this.buffer.length > 0) this.hash.update(this.buffer);
    this.buffer = "";
    return this.hash;
  }
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** An object shape's keys in canonical order, each with its JSON spelling. */
interface Shape {
  readonly keys: readonly string[];
  readonly sorted: readonly (readonly [key: string, json: string])[];
}

/**
 * A plan is mostly objects of a handful of shapes (steps, people, reasons): their keys are sorted
 * and spelt once per shape, not once per object. The cache is keyed by the keys in their own
 * order, and checked against them, so two shapes never share an entry.
 */
class Shapes {
  private known: Map<string, Shape> | undefined;
  of(keys: readonly string[]): readonly (readonly [key: string, json: string])[] {
    this.known ??= new Map();
    const signature = keys.join("\u0000");
    const shape = this.known.get(signature);
    if (shape && shape.keys.length === keys.length && shape.keys.every((key, i) => key === keys[i]))
      return shape.sorted;
    const sorted = [...keys].sort(byKey).map((key) => [key, JSON.stringify(key)] as const);
    if (this.known.size < 1024) this.known.set(signature, { keys, sorted });
    return sorted;
  }
}

// Canonical JSON: object keys sorted, so the same content hashes the same whatever order the
// fields were built in; `undefined` fields left out. Arrays keep their order; callers sort what
// must not depend on input order. Written piece by piece: the bytes (and so the ids) are those of
// the canonical string, without the string.
function writeCanonical(value: unknown, out: ChunkedUpdate, shapes: Shapes): void {
  if (value === null || typeof value !== "object") {
    out.write(JSON.stringify(value) ?? "null");
    return;
  }
  if (Array.isArray(value)) {
    out.write("[");
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) out.write(",");
      writeCanonical(value[index], out, shapes);
    }
    out.write("]");
    return;
  }
  const record = value as Record<string, unknown>;
  out.write("{");
  let first = true;
  for (const [key, json] of shapes.of(Object.keys(record))) {
    const entry = record[key];
    if (entry === undefined) continue;
    out.write(first ? `${json}:` : `,${json}:`);
    first = false;
    writeCanonical(entry, out, shapes);
  }
  out.write("}");
}

/**
 * A short, stable id for some content: the first 24 hex digits of SHA-256 over its canonical
 * JSON, with a prefix saying what it identifies (`plan_`, `step_`). Hashing is deterministic and
 * does no I/O, so plans stay pure; 96 bits keep collisions out of reach for an organization's plans.
 */
export function stableHash(prefix: string, content: unknown): string {
  const out = new ChunkedUpdate(createHash("sha256"));
  writeCanonical(content, out, new Shapes());
  return `${prefix}_${out.end().digest("hex").slice(0, 24)}`;
}
