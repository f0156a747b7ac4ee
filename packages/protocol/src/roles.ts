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
