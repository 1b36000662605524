/**
 * The enquiry desk's log: residents who phone or walk in with a question (where to get a check-up,
 * whether a vaccine is free, how to get a copy of their chart). The desk calls back when the answer
 * needs a specialist.
 */
export interface WalkInEnquiry {
  receivedAt: string;
  channel: 'phone' | 'counter' | 'web';
  /** @personal name */
  callerName: string;
  /** @personal contact */
  callbackPhone?: string;
  question: string;
  answeredBy?: string;
  closedAt?: string;
}

/**
 * Enquiries still waiting for a call back, oldest first, for the morning hand-over.
 *
 * @purpose treatment
 */
export function callbackList(enquiries: readonly WalkInEnquiry[]): string[] {
  return enquiries
    .filter((enquiry) => !enquiry.closedAt && enquiry.callbackPhone)
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
    .map((enquiry) => `${enquiry.receivedAt.slice(11, 16)}  ${enquiry.callerName}  ${enquiry.callbackPhone}  ${enquiry.question}`);
}
