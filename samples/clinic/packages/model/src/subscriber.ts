/**
 * A resident who signed up, on the web form or at an event, for the centre's monthly health newsletter
 * ("Minato Kenkō Dayori"). Nothing here comes from the clinic's records.
 *
 * @purpose marketing
 * @piFile "Newsletter Mailing List"
 */
export interface NewsletterSubscriber {
  id: string;
  /** @personal name */
  name: string;
  /** @personal contact */
  email: string;
  topics: NewsletterTopic[];
  subscribedAt: string;
  unsubscribedAt?: string;
}

export type NewsletterTopic = 'general' | 'child-health' | 'seniors' | 'screening' | 'events';
