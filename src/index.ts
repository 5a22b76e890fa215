import type { Probot } from "probot";
import { createServices } from "./github/services.js";

/** Wiring only: each feature's handlers live in `src/handlers/`. */
export default function intentbot(app: Probot): void {
  const services = createServices(app);
  void services;
}
