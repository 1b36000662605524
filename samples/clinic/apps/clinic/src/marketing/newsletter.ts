/**
 * The monthly health newsletter, "Minato Kenkō Dayori": mailed to every subscriber on the first
 * Monday of the month, with the month's check-up days, vaccination weeks and classes.
 *
 * @packageDocumentation
 * @purpose marketing
 */
import axios from 'axios';
import nodemailer from 'nodemailer';
import type { NewsletterSubscriber, NewsletterTopic, Patient } from '../../../../packages/model/src/index.js';

export interface Issue {
  number: number;
  month: string;
  sections: { topic: NewsletterTopic; title: string; html: string }[];
}

const transport = nodemailer.createTransport({ host: 'smtp.city.minato.example.jp', port: 587 });

/** Sends one issue to every active subscriber, with the sections they asked for. */
export async function sendIssue(issue: Issue, subscribers: readonly NewsletterSubscriber[]): Promise<number> {
  const active = subscribers.filter((subscriber) => !subscriber.unsubscribedAt);
  const sent = await Promise.all(
    active.map((subscriber) =>
      transport.sendMail({
        from: 'Minato Health Centre <dayori@city.minato.example.jp>',
        to: `${subscriber.name} <${subscriber.email}>`,
        subject: `Minato Kenkō Dayori No. ${issue.number} (${issue.month})`,
        html: render(issue, subscriber),
      }),
    ),
  );
  return sent.length;
}

/** Keeps the mailing service's audience in step with our list (the service handles bounces). */
export async function syncAudience(subscribers: readonly NewsletterSubscriber[]): Promise<void> {
  for (const subscriber of subscribers) {
    await axios.put(`https://mail-service.example.jp/audiences/dayori/members/${subscriber.id}`, subscriber);
  }
}

/**
 * Patients who ticked the newsletter box on the intake form become subscribers with the address they
 * gave the clinic.
 */
export function subscriberFromIntake(patient: Patient, today: Date): NewsletterSubscriber | undefined {
  if (!patient.newsletterOptIn) return undefined;
  // appi-guard-disable-next-line use-beyond-purpose -- the intake form's newsletter box (form M-12) is the patient's consent to this copy
  const { name, email } = patient;
  if (email === undefined) return undefined;
  return { id: `P-${patient.id}`, name, email, topics: ['general'], subscribedAt: today.toISOString() };
}

/**
 * The one-click unsubscribe link at the foot of every issue.
 *
 * @purpose markting
 */
export function unsubscribeUrl(subscriber: NewsletterSubscriber): string {
  return `https://www.city.minato.example.jp/dayori/unsubscribe?id=${encodeURIComponent(subscriber.id)}`;
}

function render(issue: Issue, subscriber: NewsletterSubscriber): string {
  const wanted = new Set<NewsletterTopic>(['general', ...subscriber.topics]);
  const sections = issue.sections.filter((section) => wanted.has(section.topic));
  return [`<p>${subscriber.name} 様</p>`, ...sections.map((section) => `<h2>${section.title}</h2>${section.html}`), `<p><a href="${unsubscribeUrl(subscriber)}">配信停止</a></p>`].join('\n');
}
