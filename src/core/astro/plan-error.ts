/**
 * A Deployment we must not update as it stands: the GET lacks something the
 * update needs (environmentVariables, a required field) or has a type we
 * don't know. Updating anyway would drop the customer's settings.
 */
export class PlanError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PlanError'
  }
}
