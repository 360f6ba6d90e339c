import { Logger } from '@nestjs/common';

export interface OutgoingNotification {
  /** The outbox row id: the same message sent twice carries the same key, so a receiver can drop repeats. */
  idempotencyKey: string;
  recipientUserId: string;
  type: string;
  title: string;
  caseId: string | null;
}

/** Where notifications leave the system (an SMS or e-mail gateway). Throwing means "retry later". */
export abstract class NotificationProvider {
  abstract send(message: OutgoingNotification): Promise<void>;
}

/** The default: writes one log line per notification (ids and the title only). */
export class LoggingNotificationProvider extends NotificationProvider {
  private readonly logger = new Logger('Notifications');

  send(message: OutgoingNotification): Promise<void> {
    this.logger.log(`notification ${message.idempotencyKey} to user ${message.recipientUserId}: ${message.type}`);
    return Promise.resolve();
  }
}

const WEBHOOK_TIMEOUT_MS = 5000;

/** POSTs each notification as JSON with an `Idempotency-Key` header; any non-2xx answer is retried. */
export class WebhookNotificationProvider extends NotificationProvider {
  constructor(private readonly url: string) {
    super();
  }

  async send(message: OutgoingNotification): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': message.idempotencyKey },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }
}
