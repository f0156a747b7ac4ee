/**
 * Builds the CJIS security of one switch: the security database, the operator store seeded
 * from the switch's data (the agencies this switch serves, their terminals and operators),
 * the person index for the misuse rules, the review queue, the release log, and the policy
 * with its misuse recorder wired in. The switch's composition root calls `openCjisSecurity`
 * with the data main.ts read and passes the parts on.
 */
import type { AuditSink } from '../audit/types.js';
import { ReleaseLog } from './release-log.js';
import { CjisSecurityPolicy } from './cjis-policy.js';
import { SubjectIndex, type SubjectIndexInput } from './misuse.js';
import { OperatorStore, type AgencyRecord, type OperatorSeed, type TerminalSeed } from './operator-store.js';
import { PasswordHasher } from './password.js';
import type { OperatorSession } from './policy.js';
import { AgencyRecords, type AgencyProfile } from './agency-records.js';
import { MisuseCases } from './misuse-cases.js';
import { PersonnelStore, type NewPersonnel } from './personnel.js';
import { SecurityIncidents } from './security-incidents.js';
import { MisuseReportSubmissions } from './misuse-report-submissions.js';
import { misuseRecorder, ReviewQueue } from './review-queue.js';
import { openSecurityDatabase, type SecurityDatabase } from './security-database.js';
import { parseCjisSettings, type CjisSettings } from './settings.js';

/**
 * The data the security needs: the registry to seed, the subjects of the misuse rules, and
 * what coordinators keep beside the operators: staff with access and each agency's record
 * for DOJ (switch-data.ts).
 */
export interface SecurityData extends SubjectIndexInput {
  readonly agencies: readonly (AgencyRecord & { readonly switchId?: string })[];
  readonly terminals: readonly TerminalSeed[];
  readonly operators: readonly OperatorSeed[];
  readonly personnel?: readonly NewPersonnel[];
  readonly agencyRecords?: readonly Omit<AgencyProfile, 'updatedAt'>[];
}

export interface OpenCjisSecurityOptions {
  readonly switchId: string;
  /** Settings input (defaults: the CJIS values) or already parsed settings. */
  readonly settings?: unknown;
  /** Security database file, or ':memory:'. */
  readonly databasePath: string;
  readonly data: SecurityData;
  /** Where misuse flags are audited. */
  readonly audit: Pick<AuditSink, 'append'>;
  readonly clock?: () => number;
  /** Close the connection of a session a newer login ended (4016). */
  readonly onSupersede?: (session: OperatorSession) => void;
  /** Reuse a hasher (tests share one so demo passwords are hashed once). */
  readonly hasher?: PasswordHasher;
  readonly log?: { warn(object: object, message?: string): void; error(object: object, message?: string): void };
}

export interface CjisSecurity {
  readonly settings: CjisSettings;
  readonly db: SecurityDatabase;
  readonly store: OperatorStore;
  readonly hasher: PasswordHasher;
  readonly policy: CjisSecurityPolicy;
  readonly reviewQueue: ReviewQueue;
  readonly releaseLog: ReleaseLog;
  /** Misuse investigations (misuse-cases.ts). */
  readonly cases: MisuseCases;
  /** The annual misuse report's submission to DOJ, and its reminders. */
  readonly submissions: MisuseReportSubmissions;
  /** Staff with access who are not operators (personnel.ts). */
  readonly personnel: PersonnelStore;
  /** Each agency's record for DOJ, and the changes to tell DOJ of (agency-records.ts). */
  readonly agencyRecords: AgencyRecords;
  /** The SPOC's security incidents (security-incidents.ts). */
  readonly incidents: SecurityIncidents;
  /** PipelineDeps.onFlag. */
  readonly onFlag: ReturnType<typeof misuseRecorder>['onFlag'];
  /** Closes the database. Idempotent. */
  close(): void;
}

export async function openCjisSecurity(options: OpenCjisSecurityOptions): Promise<CjisSecurity> {
  const settings = isParsed(options.settings) ? options.settings : parseCjisSettings(options.settings ?? {});
  const clock = options.clock ?? Date.now;
  const db = openSecurityDatabase(options.databasePath);
  try {
    const hasher = options.hasher ?? PasswordHasher.fromSettings(settings);
    const store = new OperatorStore(db, clock);
    const agencies = options.data.agencies.filter((agency) => agency.switchId === undefined || agency.switchId === options.switchId);
    const served = new Set(agencies.map((agency) => agency.ori));
    await Promise.all([
      store.seed({
        agencies: agencies.map((agency) => ({ ori: agency.ori, name: agency.name, countyCode: agency.countyCode, active: agency.active })),
        terminals: options.data.terminals.filter((terminal) => served.has(terminal.ori)),
        operators: options.data.operators.filter((operator) => served.has(operator.ori)),
      }, hasher),
      hasher.warmUp(),
    ]);
    const reviewQueue = new ReviewQueue(db);
    const releaseLog = new ReleaseLog(db, settings.releaseLog.retentionYears);
    const cases = new MisuseCases(db);
    const submissions = new MisuseReportSubmissions(db, settings.misuseReport.reminderDays);
    const personnel = new PersonnelStore(db, clock);
    personnel.seed((options.data.personnel ?? []).filter((person) => served.has(person.ori)));
    const agencyRecords = new AgencyRecords(db, clock);
    agencyRecords.seed((options.data.agencyRecords ?? []).filter((record) => served.has(record.ori)));
    const incidents = new SecurityIncidents(db);
    const recorder = misuseRecorder({ queue: reviewQueue, audit: options.audit, clock, switchId: options.switchId, ...(options.log ? { log: options.log } : {}) });
    const policy = new CjisSecurityPolicy({
      settings, store, hasher,
      subjects: new SubjectIndex(options.data),
      onRefusedMisuse: recorder.onRefusedMisuse,
      onSupersede: options.onSupersede,
      log: options.log,
    });
    let closed = false;
    return {
      settings, db, store, hasher, policy, reviewQueue, releaseLog, cases, submissions, personnel, agencyRecords, incidents, onFlag: recorder.onFlag,
      close() {
        if (closed) return;
        closed = true;
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

function isParsed(settings: unknown): settings is CjisSettings {
  return typeof settings === 'object' && settings !== null && Object.isFrozen(settings) && 'lockout' in settings && 'passwords' in settings;
}
