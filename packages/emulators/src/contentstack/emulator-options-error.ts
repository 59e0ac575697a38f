/** Thrown by `startContentstackEmulator` when its options do not validate; names every bad field. */
export class EmulatorOptionsError extends Error {
  readonly code = "CS_EMULATOR_INVALID_OPTIONS";

  constructor(readonly issues: string[]) {
    super(
      `Invalid Contentstack emulator options:\n${issues.map((issue) => `  ${issue}`).join("\n")}`,
    );
    this.name = "EmulatorOptionsError";
  }
}
