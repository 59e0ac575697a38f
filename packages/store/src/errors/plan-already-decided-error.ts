import { StoreError } from "./store-error";

/** A held plan was approved once already: approval counts once, whoever clicks second. */
export class PlanAlreadyDecidedError extends StoreError {
  static override readonly code = "STORE_PLAN_ALREADY_DECIDED";
  readonly code = "STORE_PLAN_ALREADY_DECIDED";

  constructor(readonly planId: string) {
    super(`held plan ${planId} was already approved`);
    this.name = "PlanAlreadyDecidedError";
  }
}
