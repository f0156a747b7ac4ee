/**
 * @clets/data-files: the files the services read their registry (agencies, terminals,
 * operators) and their records (persons, licences, vehicles, hot files, criminal histories)
 * from. The format is the one `@clets/fixtures` writes; this package is its reader and its
 * schemas, not the generator, so a service depends on the format and never on the generator.
 */
export {
  AGENCY_KINDS, AGREEMENT_KINDS, AWARENESS_LEVELS, CERTIFICATION_STATES, COLLECTIONS, EXAM_LEVELS, FIXTURE_REFERENCE_DATE, OPERATOR_ROLES,
  OUT_OF_STATE_CODES, PERSONNEL_KINDS, TERMINAL_CLASSES,
  type Address, type Agency, type AgencyAgreement, type AgencyContact, type AgencyDetails, type AgencyKind, type AgreementKind,
  type AwarenessLevel, type ExamLevel, type Personnel, type PersonnelKind, type SecurityAwarenessTraining, type ArrestCycle, type Article, type BackgroundCheck, type Boat, type CertificationState,
  type Charge, type ChargeLevel, type CollectionName, type CollectionRecord, type CriminalHistory, type DispositionResult,
  type DriverLicense, type Extradition, type EyeColor, type FileScope, type FixtureCollections, type FixtureMeta, type FixtureSet,
  type Gun, type GunStatus, type GunType, type HairColor, type HotFileRecord, type IsoDate, type LicenseClass, type LicenseStatus,
  type LicenseSuspension, type MissingCategory, type MissingPerson, type NcicDate, type Operator, type OperatorRole,
  type OutOfStateCode, type Person, type PersonIdentifiers, type PersonName, type PlateType, type ProtectedPerson, type ProtectionOrder,
  type ProtectionOrderType, type Race, type Registrant, type Relative, type Sex, type StateCode, type StolenVehicle,
  type SupervisedRelease, type SupervisionPeriod, type Terminal, type TerminalClass, type Vehicle, type VehicleColor,
  type VehicleMake, type VehicleStyle, type Warrant, type WarrantType, type WatchListEntry, type WatchListReason,
} from './model.js';
export {
  RECORD_SCHEMAS, agencyDetailsSchema, agencySchema, personnelSchema, articleSchema, boatSchema, criminalHistorySchema, gunSchema, licenseSchema, missingPersonSchema,
  operatorSchema, personSchema, protectionOrderSchema, registrantSchema, stolenVehicleSchema, supervisedReleaseSchema,
  terminalSchema, vehicleSchema, warrantSchema, watchListEntrySchema,
} from './schemas.js';
export {
  MANIFEST_FILE, defaultDataDir, readCollection, readCollections, readDataSet, readManifest,
  type FixtureFormat, type FixtureManifest,
} from './read.js';
