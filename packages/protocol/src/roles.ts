/**
 * Who may operate a terminal, and which kinds of terminal there are (docs/domain.md section 2).
 * The one list of each: the switch's settings and administration API, the data files of the
 * registry and the login answer (`LoginResult.role`) all name these values.
 */

/**
 * FAO full access operator (inquiries and updates), LTFAO less than full access (inquiries
 * only), PRACTITIONER (no terminal), ADMINISTRATOR, ACC agency CLETS coordinator, SPOC
 * security point of contact.
 */
export const OPERATOR_ROLES = ['FAO', 'LTFAO', 'PRACTITIONER', 'ADMINISTRATOR', 'ACC', 'SPOC'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** A desk terminal, a dispatch console, a mobile data terminal, or a printer that only receives. */
export const TERMINAL_CLASSES = ['desk', 'dispatch', 'mobile', 'receive_only'] as const;
export type TerminalClass = (typeof TERMINAL_CLASSES)[number];

/** The proficiency exam's levels (seed 001: "the appropriate ... Proficiency Examination"): an LTFAO's exam does not make an FAO. */
export const EXAM_LEVELS = ['FAO', 'LTFAO'] as const;
export type ExamLevel = (typeof EXAM_LEVELS)[number];

/**
 * CJIS Security Policy 5.2 (AT-3) security awareness levels, lowest first: `basic` anyone
 * with unescorted access to a physically secure location (custodial staff), `general` a
 * user with access to CJI (operators, practitioners), `privileged` a user who may do what
 * general users may not (system and account administrators), `security` personnel with
 * security responsibilities (the SPOC / LASO). Training at a level covers the levels below it.
 */
export const AWARENESS_LEVELS = ['basic', 'general', 'privileged', 'security'] as const;
export type AwarenessLevel = (typeof AWARENESS_LEVELS)[number];
