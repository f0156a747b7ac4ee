/**
 * Friendly names for the generated protobuf types. `X` is the plain-object shape that is
 * built and encoded (every field optional, as in proto3); decoded frames are instances of
 * the generated classes, which fill defaults ('' for strings, 0 for numbers).
 */
import './number-longs.js';
import { clets } from '../generated/clets.js';

export const pb = clets.v1;

export type Frame = clets.v1.Frame.$Properties;
export type DecodedFrame = clets.v1.Frame;
/** The name of the `oneof body` member a frame carries. */
export type FrameKind = NonNullable<clets.v1.Frame['body']>;

export type Field = clets.v1.Field.$Properties;
export type RouteTo = clets.v1.RouteTo.$Properties;
export type Hop = clets.v1.Hop.$Properties;
export type Header = clets.v1.Header.$Properties;
export type TerminalHello = clets.v1.TerminalHello.$Properties;
export type LoginBanner = clets.v1.LoginBanner.$Properties;
export type BannerAck = clets.v1.BannerAck.$Properties;
export type OperatorLogin = clets.v1.OperatorLogin.$Properties;
export type SecondFactorChallenge = clets.v1.SecondFactorChallenge.$Properties;
export type SecondFactorAnswer = clets.v1.SecondFactorAnswer.$Properties;
export type LoginResult = clets.v1.LoginResult.$Properties;
export type Logout = clets.v1.Logout.$Properties;
export type Heartbeat = clets.v1.Heartbeat.$Properties;
export type Transaction = clets.v1.Transaction.$Properties;
export type Receipt = clets.v1.Receipt.$Properties;
export type ResponseRecord = clets.v1.Record.$Properties;
export type Response = clets.v1.Response.$Properties;
export type Completion = clets.v1.Completion.$Properties;
export type Reject = clets.v1.Reject.$Properties;
export type QueuedNotice = clets.v1.QueuedNotice.$Properties;
export type AdminMessage = clets.v1.AdminMessage.$Properties;
export type DeliveryReport = clets.v1.DeliveryReport.$Properties;
export type HitConfirmationRequest = clets.v1.HitConfirmationRequest.$Properties;
export type HitConfirmationResponse = clets.v1.HitConfirmationResponse.$Properties;
export type StatusMessage = clets.v1.StatusMessage.$Properties;
export type LinkHello = clets.v1.LinkHello.$Properties;
export type LinkWelcome = clets.v1.LinkWelcome.$Properties;
export type LinkRequest = clets.v1.LinkRequest.$Properties;
export type LinkReply = clets.v1.LinkReply.$Properties;

export const HitStatus = clets.v1.HitStatus;
export type HitStatus = clets.v1.HitStatus;
export const DeliveryState = clets.v1.DeliveryState;
export type DeliveryState = clets.v1.DeliveryState;
export const ConfirmationPriority = clets.v1.ConfirmationPriority;
export type ConfirmationPriority = clets.v1.ConfirmationPriority;
export const ConfirmationState = clets.v1.ConfirmationState;
export type ConfirmationState = clets.v1.ConfirmationState;
export const LinkState = clets.v1.LinkState;
export type LinkState = clets.v1.LinkState;

/** Every member of Frame's `oneof body`, in schema order. */
export const FRAME_KINDS = [
  'terminalHello', 'loginBanner', 'bannerAck', 'operatorLogin', 'secondFactorChallenge',
  'secondFactorAnswer', 'loginResult', 'logout', 'heartbeat',
  'transaction', 'receipt', 'response', 'completion', 'reject', 'queuedNotice',
  'adminMessage', 'deliveryReport', 'hitConfirmationRequest', 'hitConfirmationResponse',
  'statusMessage',
  'linkHello', 'linkWelcome', 'linkRequest', 'linkReply',
] as const satisfies readonly FrameKind[];

/** Current wire protocol version, sent in TerminalHello and LinkHello. */
export const PROTOCOL_VERSION = 1;
