import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DIRECT_RUN, JobContext, ON_JOB } from 'src/queue/on-job.decorator';
import { JobName } from 'src/queue/queue.constants';

type Handler = (data: unknown, context: JobContext) => Promise<void>;

/** Finds every @OnJob method at boot and routes each job to its one handler. */
@Injectable()
export class JobDispatcher implements OnModuleInit {
  private readonly logger = new Logger(JobDispatcher.name);
  private readonly handlers = new Map<string, Handler>();
  private readonly duplicates: string[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = prototype[method];
        if (typeof fn !== 'function') continue;
        const name = this.reflector.get<JobName | undefined>(ON_JOB, fn as () => unknown);
        if (name === undefined) continue;
        if (this.handlers.has(name)) this.duplicates.push(name);
        this.handlers.set(name, (data, context) =>
          (fn as (d: unknown, c: JobContext) => Promise<void>).call(instance, data, context),
        );
      }
    }
  }

  /** The worker refuses to start unless every job name has exactly one handler. */
  assertComplete(): void {
    if (this.duplicates.length > 0) throw new Error(`More than one handler for job(s): ${this.duplicates.join(', ')}`);
    const missing = Object.values(JobName).filter((name) => !this.handlers.has(name));
    if (missing.length > 0) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
  }

  async dispatch(name: string, data: unknown, context: JobContext = DIRECT_RUN): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler for job ${name}`);
    this.logger.debug(`running ${name}`);
    await handler(data, context);
  }
}
