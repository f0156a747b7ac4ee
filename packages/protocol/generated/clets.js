// GENERATED FILE - DO NOT EDIT.
// Source: proto/clets/v1/clets.proto
// Regenerate with `pnpm gen` (scripts/gen-proto.mjs); CI fails when this file is stale.
/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $String = $util.global.String, $BigInt = $util.global.BigInt, $Array = $util.global.Array, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const clets = $root.clets = (() => {

    /**
     * Namespace clets.
     * @exports clets
     * @namespace
     */
    const clets = {};

    clets.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof clets
         * @namespace
         */
        const v1 = {};

        v1.Frame = (function() {

            /**
             * Properties of a Frame.
             * @typedef {Object} clets.v1.Frame.$Properties
             * @property {number|null} [linkSeq] Frame linkSeq
             * @property {clets.v1.TerminalHello.$Properties|null} [terminalHello] Frame terminalHello
             * @property {clets.v1.LoginBanner.$Properties|null} [loginBanner] Frame loginBanner
             * @property {clets.v1.BannerAck.$Properties|null} [bannerAck] Frame bannerAck
             * @property {clets.v1.OperatorLogin.$Properties|null} [operatorLogin] Frame operatorLogin
             * @property {clets.v1.SecondFactorChallenge.$Properties|null} [secondFactorChallenge] Frame secondFactorChallenge
             * @property {clets.v1.SecondFactorAnswer.$Properties|null} [secondFactorAnswer] Frame secondFactorAnswer
             * @property {clets.v1.LoginResult.$Properties|null} [loginResult] Frame loginResult
             * @property {clets.v1.Logout.$Properties|null} [logout] Frame logout
             * @property {clets.v1.Heartbeat.$Properties|null} [heartbeat] Frame heartbeat
             * @property {clets.v1.Transaction.$Properties|null} [transaction] Frame transaction
             * @property {clets.v1.Receipt.$Properties|null} [receipt] Frame receipt
             * @property {clets.v1.Response.$Properties|null} [response] Frame response
             * @property {clets.v1.Completion.$Properties|null} [completion] Frame completion
             * @property {clets.v1.Reject.$Properties|null} [reject] Frame reject
             * @property {clets.v1.QueuedNotice.$Properties|null} [queuedNotice] Frame queuedNotice
             * @property {clets.v1.AdminMessage.$Properties|null} [adminMessage] Frame adminMessage
             * @property {clets.v1.DeliveryReport.$Properties|null} [deliveryReport] Frame deliveryReport
             * @property {clets.v1.HitConfirmationRequest.$Properties|null} [hitConfirmationRequest] Frame hitConfirmationRequest
             * @property {clets.v1.HitConfirmationResponse.$Properties|null} [hitConfirmationResponse] Frame hitConfirmationResponse
             * @property {clets.v1.StatusMessage.$Properties|null} [statusMessage] Frame statusMessage
             * @property {clets.v1.LinkHello.$Properties|null} [linkHello] Frame linkHello
             * @property {clets.v1.LinkWelcome.$Properties|null} [linkWelcome] Frame linkWelcome
             * @property {clets.v1.LinkRequest.$Properties|null} [linkRequest] Frame linkRequest
             * @property {clets.v1.LinkReply.$Properties|null} [linkReply] Frame linkReply
             * @property {"terminalHello"|"loginBanner"|"bannerAck"|"operatorLogin"|"secondFactorChallenge"|"secondFactorAnswer"|"loginResult"|"logout"|"heartbeat"|"transaction"|"receipt"|"response"|"completion"|"reject"|"queuedNotice"|"adminMessage"|"deliveryReport"|"hitConfirmationRequest"|"hitConfirmationResponse"|"statusMessage"|"linkHello"|"linkWelcome"|"linkRequest"|"linkReply"} [body] Frame body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Frame.
             * @memberof clets.v1
             * @interface IFrame
             * @augments clets.v1.Frame.$Properties
             * @deprecated Use clets.v1.Frame.$Properties instead.
             */

            /**
             * Narrowed shape of a Frame.
             * @typedef {{
             *   linkSeq?: number|null;
             *   terminalHello?: clets.v1.TerminalHello.$Shape|null;
             *   loginBanner?: clets.v1.LoginBanner.$Shape|null;
             *   bannerAck?: clets.v1.BannerAck.$Shape|null;
             *   operatorLogin?: clets.v1.OperatorLogin.$Shape|null;
             *   secondFactorChallenge?: clets.v1.SecondFactorChallenge.$Shape|null;
             *   secondFactorAnswer?: clets.v1.SecondFactorAnswer.$Shape|null;
             *   loginResult?: clets.v1.LoginResult.$Shape|null;
             *   logout?: clets.v1.Logout.$Shape|null;
             *   heartbeat?: clets.v1.Heartbeat.$Shape|null;
             *   transaction?: clets.v1.Transaction.$Shape|null;
             *   receipt?: clets.v1.Receipt.$Shape|null;
             *   response?: clets.v1.Response.$Shape|null;
             *   completion?: clets.v1.Completion.$Shape|null;
             *   reject?: clets.v1.Reject.$Shape|null;
             *   queuedNotice?: clets.v1.QueuedNotice.$Shape|null;
             *   adminMessage?: clets.v1.AdminMessage.$Shape|null;
             *   deliveryReport?: clets.v1.DeliveryReport.$Shape|null;
             *   hitConfirmationRequest?: clets.v1.HitConfirmationRequest.$Shape|null;
             *   hitConfirmationResponse?: clets.v1.HitConfirmationResponse.$Shape|null;
             *   statusMessage?: clets.v1.StatusMessage.$Shape|null;
             *   linkHello?: clets.v1.LinkHello.$Shape|null;
             *   linkWelcome?: clets.v1.LinkWelcome.$Shape|null;
             *   linkRequest?: clets.v1.LinkRequest.$Shape|null;
             *   linkReply?: clets.v1.LinkReply.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "terminalHello"; terminalHello: clets.v1.TerminalHello.$Shape; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "loginBanner"; terminalHello?: null; loginBanner: clets.v1.LoginBanner.$Shape; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "bannerAck"; terminalHello?: null; loginBanner?: null; bannerAck: clets.v1.BannerAck.$Shape; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "operatorLogin"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin: clets.v1.OperatorLogin.$Shape; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "secondFactorChallenge"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge: clets.v1.SecondFactorChallenge.$Shape; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "secondFactorAnswer"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer: clets.v1.SecondFactorAnswer.$Shape; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "loginResult"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult: clets.v1.LoginResult.$Shape; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "logout"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout: clets.v1.Logout.$Shape; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "heartbeat"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat: clets.v1.Heartbeat.$Shape; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "transaction"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction: clets.v1.Transaction.$Shape; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "receipt"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt: clets.v1.Receipt.$Shape; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "response"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response: clets.v1.Response.$Shape; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "completion"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion: clets.v1.Completion.$Shape; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "reject"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject: clets.v1.Reject.$Shape; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "queuedNotice"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice: clets.v1.QueuedNotice.$Shape; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "adminMessage"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage: clets.v1.AdminMessage.$Shape; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "deliveryReport"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport: clets.v1.DeliveryReport.$Shape; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "hitConfirmationRequest"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest: clets.v1.HitConfirmationRequest.$Shape; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "hitConfirmationResponse"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse: clets.v1.HitConfirmationResponse.$Shape; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "statusMessage"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage: clets.v1.StatusMessage.$Shape; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "linkHello"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello: clets.v1.LinkHello.$Shape; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "linkWelcome"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome: clets.v1.LinkWelcome.$Shape; linkRequest?: null; linkReply?: null }|{ body?: "linkRequest"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest: clets.v1.LinkRequest.$Shape; linkReply?: null }|{ body?: "linkReply"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply: clets.v1.LinkReply.$Shape })
             * )} clets.v1.Frame.$Shape
             */

            /**
             * Constructs a new Frame.
             * @memberof clets.v1
             * @classdesc Represents a Frame.
             * @constructor
             * @param {clets.v1.Frame.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Frame = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Frame linkSeq.
             * @member {number} linkSeq
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.linkSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Frame terminalHello.
             * @member {clets.v1.TerminalHello.$Properties|null|undefined} terminalHello
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.terminalHello = null;

            /**
             * Frame loginBanner.
             * @member {clets.v1.LoginBanner.$Properties|null|undefined} loginBanner
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.loginBanner = null;

            /**
             * Frame bannerAck.
             * @member {clets.v1.BannerAck.$Properties|null|undefined} bannerAck
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.bannerAck = null;

            /**
             * Frame operatorLogin.
             * @member {clets.v1.OperatorLogin.$Properties|null|undefined} operatorLogin
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.operatorLogin = null;

            /**
             * Frame secondFactorChallenge.
             * @member {clets.v1.SecondFactorChallenge.$Properties|null|undefined} secondFactorChallenge
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.secondFactorChallenge = null;

            /**
             * Frame secondFactorAnswer.
             * @member {clets.v1.SecondFactorAnswer.$Properties|null|undefined} secondFactorAnswer
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.secondFactorAnswer = null;

            /**
             * Frame loginResult.
             * @member {clets.v1.LoginResult.$Properties|null|undefined} loginResult
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.loginResult = null;

            /**
             * Frame logout.
             * @member {clets.v1.Logout.$Properties|null|undefined} logout
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.logout = null;

            /**
             * Frame heartbeat.
             * @member {clets.v1.Heartbeat.$Properties|null|undefined} heartbeat
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.heartbeat = null;

            /**
             * Frame transaction.
             * @member {clets.v1.Transaction.$Properties|null|undefined} transaction
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.transaction = null;

            /**
             * Frame receipt.
             * @member {clets.v1.Receipt.$Properties|null|undefined} receipt
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.receipt = null;

            /**
             * Frame response.
             * @member {clets.v1.Response.$Properties|null|undefined} response
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.response = null;

            /**
             * Frame completion.
             * @member {clets.v1.Completion.$Properties|null|undefined} completion
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.completion = null;

            /**
             * Frame reject.
             * @member {clets.v1.Reject.$Properties|null|undefined} reject
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.reject = null;

            /**
             * Frame queuedNotice.
             * @member {clets.v1.QueuedNotice.$Properties|null|undefined} queuedNotice
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.queuedNotice = null;

            /**
             * Frame adminMessage.
             * @member {clets.v1.AdminMessage.$Properties|null|undefined} adminMessage
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.adminMessage = null;

            /**
             * Frame deliveryReport.
             * @member {clets.v1.DeliveryReport.$Properties|null|undefined} deliveryReport
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.deliveryReport = null;

            /**
             * Frame hitConfirmationRequest.
             * @member {clets.v1.HitConfirmationRequest.$Properties|null|undefined} hitConfirmationRequest
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.hitConfirmationRequest = null;

            /**
             * Frame hitConfirmationResponse.
             * @member {clets.v1.HitConfirmationResponse.$Properties|null|undefined} hitConfirmationResponse
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.hitConfirmationResponse = null;

            /**
             * Frame statusMessage.
             * @member {clets.v1.StatusMessage.$Properties|null|undefined} statusMessage
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.statusMessage = null;

            /**
             * Frame linkHello.
             * @member {clets.v1.LinkHello.$Properties|null|undefined} linkHello
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.linkHello = null;

            /**
             * Frame linkWelcome.
             * @member {clets.v1.LinkWelcome.$Properties|null|undefined} linkWelcome
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.linkWelcome = null;

            /**
             * Frame linkRequest.
             * @member {clets.v1.LinkRequest.$Properties|null|undefined} linkRequest
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.linkRequest = null;

            /**
             * Frame linkReply.
             * @member {clets.v1.LinkReply.$Properties|null|undefined} linkReply
             * @memberof clets.v1.Frame
             * @instance
             */
            Frame.prototype.linkReply = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Frame body.
             * @member {"terminalHello"|"loginBanner"|"bannerAck"|"operatorLogin"|"secondFactorChallenge"|"secondFactorAnswer"|"loginResult"|"logout"|"heartbeat"|"transaction"|"receipt"|"response"|"completion"|"reject"|"queuedNotice"|"adminMessage"|"deliveryReport"|"hitConfirmationRequest"|"hitConfirmationResponse"|"statusMessage"|"linkHello"|"linkWelcome"|"linkRequest"|"linkReply"|undefined} body
             * @memberof clets.v1.Frame
             * @instance
             */
            $Object.defineProperty(Frame.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["terminalHello", "loginBanner", "bannerAck", "operatorLogin", "secondFactorChallenge", "secondFactorAnswer", "loginResult", "logout", "heartbeat", "transaction", "receipt", "response", "completion", "reject", "queuedNotice", "adminMessage", "deliveryReport", "hitConfirmationRequest", "hitConfirmationResponse", "statusMessage", "linkHello", "linkWelcome", "linkRequest", "linkReply"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Frame instance using the specified properties.
             * @function create
             * @memberof clets.v1.Frame
             * @static
             * @param {clets.v1.Frame.$Properties=} [properties] Properties to set
             * @returns {clets.v1.Frame} Frame instance
             * @type {{
             *   (properties: clets.v1.Frame.$Shape): clets.v1.Frame & clets.v1.Frame.$Shape;
             *   (properties?: clets.v1.Frame.$Properties): clets.v1.Frame;
             * }}
             */
            Frame.create = function(properties) {
                return new Frame(properties);
            };

            /**
             * Encodes the specified Frame message. Does not implicitly {@link clets.v1.Frame.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.Frame
             * @static
             * @param {clets.v1.Frame.$Properties} message Frame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Frame.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.linkSeq != null && $Object.hasOwnProperty.call(message, "linkSeq") && (typeof message.linkSeq === "object" ? message.linkSeq.low || message.linkSeq.high : message.linkSeq !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.linkSeq);
                if (message.terminalHello != null && $Object.hasOwnProperty.call(message, "terminalHello"))
                    $root.clets.v1.TerminalHello.encode(message.terminalHello, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.loginBanner != null && $Object.hasOwnProperty.call(message, "loginBanner"))
                    $root.clets.v1.LoginBanner.encode(message.loginBanner, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.bannerAck != null && $Object.hasOwnProperty.call(message, "bannerAck"))
                    $root.clets.v1.BannerAck.encode(message.bannerAck, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                if (message.operatorLogin != null && $Object.hasOwnProperty.call(message, "operatorLogin"))
                    $root.clets.v1.OperatorLogin.encode(message.operatorLogin, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                if (message.secondFactorChallenge != null && $Object.hasOwnProperty.call(message, "secondFactorChallenge"))
                    $root.clets.v1.SecondFactorChallenge.encode(message.secondFactorChallenge, writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
                if (message.secondFactorAnswer != null && $Object.hasOwnProperty.call(message, "secondFactorAnswer"))
                    $root.clets.v1.SecondFactorAnswer.encode(message.secondFactorAnswer, writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
                if (message.loginResult != null && $Object.hasOwnProperty.call(message, "loginResult"))
                    $root.clets.v1.LoginResult.encode(message.loginResult, writer.uint32(/* id 16, wireType 2 =*/130).fork(), _depth + 1).ldelim();
                if (message.logout != null && $Object.hasOwnProperty.call(message, "logout"))
                    $root.clets.v1.Logout.encode(message.logout, writer.uint32(/* id 17, wireType 2 =*/138).fork(), _depth + 1).ldelim();
                if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat"))
                    $root.clets.v1.Heartbeat.encode(message.heartbeat, writer.uint32(/* id 18, wireType 2 =*/146).fork(), _depth + 1).ldelim();
                if (message.transaction != null && $Object.hasOwnProperty.call(message, "transaction"))
                    $root.clets.v1.Transaction.encode(message.transaction, writer.uint32(/* id 20, wireType 2 =*/162).fork(), _depth + 1).ldelim();
                if (message.receipt != null && $Object.hasOwnProperty.call(message, "receipt"))
                    $root.clets.v1.Receipt.encode(message.receipt, writer.uint32(/* id 21, wireType 2 =*/170).fork(), _depth + 1).ldelim();
                if (message.response != null && $Object.hasOwnProperty.call(message, "response"))
                    $root.clets.v1.Response.encode(message.response, writer.uint32(/* id 22, wireType 2 =*/178).fork(), _depth + 1).ldelim();
                if (message.completion != null && $Object.hasOwnProperty.call(message, "completion"))
                    $root.clets.v1.Completion.encode(message.completion, writer.uint32(/* id 23, wireType 2 =*/186).fork(), _depth + 1).ldelim();
                if (message.reject != null && $Object.hasOwnProperty.call(message, "reject"))
                    $root.clets.v1.Reject.encode(message.reject, writer.uint32(/* id 24, wireType 2 =*/194).fork(), _depth + 1).ldelim();
                if (message.queuedNotice != null && $Object.hasOwnProperty.call(message, "queuedNotice"))
                    $root.clets.v1.QueuedNotice.encode(message.queuedNotice, writer.uint32(/* id 25, wireType 2 =*/202).fork(), _depth + 1).ldelim();
                if (message.adminMessage != null && $Object.hasOwnProperty.call(message, "adminMessage"))
                    $root.clets.v1.AdminMessage.encode(message.adminMessage, writer.uint32(/* id 26, wireType 2 =*/210).fork(), _depth + 1).ldelim();
                if (message.deliveryReport != null && $Object.hasOwnProperty.call(message, "deliveryReport"))
                    $root.clets.v1.DeliveryReport.encode(message.deliveryReport, writer.uint32(/* id 27, wireType 2 =*/218).fork(), _depth + 1).ldelim();
                if (message.hitConfirmationRequest != null && $Object.hasOwnProperty.call(message, "hitConfirmationRequest"))
                    $root.clets.v1.HitConfirmationRequest.encode(message.hitConfirmationRequest, writer.uint32(/* id 28, wireType 2 =*/226).fork(), _depth + 1).ldelim();
                if (message.hitConfirmationResponse != null && $Object.hasOwnProperty.call(message, "hitConfirmationResponse"))
                    $root.clets.v1.HitConfirmationResponse.encode(message.hitConfirmationResponse, writer.uint32(/* id 29, wireType 2 =*/234).fork(), _depth + 1).ldelim();
                if (message.statusMessage != null && $Object.hasOwnProperty.call(message, "statusMessage"))
                    $root.clets.v1.StatusMessage.encode(message.statusMessage, writer.uint32(/* id 30, wireType 2 =*/242).fork(), _depth + 1).ldelim();
                if (message.linkHello != null && $Object.hasOwnProperty.call(message, "linkHello"))
                    $root.clets.v1.LinkHello.encode(message.linkHello, writer.uint32(/* id 40, wireType 2 =*/322).fork(), _depth + 1).ldelim();
                if (message.linkWelcome != null && $Object.hasOwnProperty.call(message, "linkWelcome"))
                    $root.clets.v1.LinkWelcome.encode(message.linkWelcome, writer.uint32(/* id 41, wireType 2 =*/330).fork(), _depth + 1).ldelim();
                if (message.linkRequest != null && $Object.hasOwnProperty.call(message, "linkRequest"))
                    $root.clets.v1.LinkRequest.encode(message.linkRequest, writer.uint32(/* id 42, wireType 2 =*/338).fork(), _depth + 1).ldelim();
                if (message.linkReply != null && $Object.hasOwnProperty.call(message, "linkReply"))
                    $root.clets.v1.LinkReply.encode(message.linkReply, writer.uint32(/* id 43, wireType 2 =*/346).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Frame message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.Frame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.Frame & clets.v1.Frame.$Shape} Frame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Frame.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.Frame();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.linkSeq = value;
                            else
                                delete message.linkSeq;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.terminalHello = $root.clets.v1.TerminalHello.decode(reader, reader.size(), $undefined, _depth + 1, message.terminalHello);
                            message.body = "terminalHello";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.loginBanner = $root.clets.v1.LoginBanner.decode(reader, reader.size(), $undefined, _depth + 1, message.loginBanner);
                            message.body = "loginBanner";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.bannerAck = $root.clets.v1.BannerAck.decode(reader, reader.size(), $undefined, _depth + 1, message.bannerAck);
                            message.body = "bannerAck";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.operatorLogin = $root.clets.v1.OperatorLogin.decode(reader, reader.size(), $undefined, _depth + 1, message.operatorLogin);
                            message.body = "operatorLogin";
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            message.secondFactorChallenge = $root.clets.v1.SecondFactorChallenge.decode(reader, reader.size(), $undefined, _depth + 1, message.secondFactorChallenge);
                            message.body = "secondFactorChallenge";
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            message.secondFactorAnswer = $root.clets.v1.SecondFactorAnswer.decode(reader, reader.size(), $undefined, _depth + 1, message.secondFactorAnswer);
                            message.body = "secondFactorAnswer";
                            continue;
                        }
                    case 16: {
                            if (wireType !== 2)
                                break;
                            message.loginResult = $root.clets.v1.LoginResult.decode(reader, reader.size(), $undefined, _depth + 1, message.loginResult);
                            message.body = "loginResult";
                            continue;
                        }
                    case 17: {
                            if (wireType !== 2)
                                break;
                            message.logout = $root.clets.v1.Logout.decode(reader, reader.size(), $undefined, _depth + 1, message.logout);
                            message.body = "logout";
                            continue;
                        }
                    case 18: {
                            if (wireType !== 2)
                                break;
                            message.heartbeat = $root.clets.v1.Heartbeat.decode(reader, reader.size(), $undefined, _depth + 1, message.heartbeat);
                            message.body = "heartbeat";
                            continue;
                        }
                    case 20: {
                            if (wireType !== 2)
                                break;
                            message.transaction = $root.clets.v1.Transaction.decode(reader, reader.size(), $undefined, _depth + 1, message.transaction);
                            message.body = "transaction";
                            continue;
                        }
                    case 21: {
                            if (wireType !== 2)
                                break;
                            message.receipt = $root.clets.v1.Receipt.decode(reader, reader.size(), $undefined, _depth + 1, message.receipt);
                            message.body = "receipt";
                            continue;
                        }
                    case 22: {
                            if (wireType !== 2)
                                break;
                            message.response = $root.clets.v1.Response.decode(reader, reader.size(), $undefined, _depth + 1, message.response);
                            message.body = "response";
                            continue;
                        }
                    case 23: {
                            if (wireType !== 2)
                                break;
                            message.completion = $root.clets.v1.Completion.decode(reader, reader.size(), $undefined, _depth + 1, message.completion);
                            message.body = "completion";
                            continue;
                        }
                    case 24: {
                            if (wireType !== 2)
                                break;
                            message.reject = $root.clets.v1.Reject.decode(reader, reader.size(), $undefined, _depth + 1, message.reject);
                            message.body = "reject";
                            continue;
                        }
                    case 25: {
                            if (wireType !== 2)
                                break;
                            message.queuedNotice = $root.clets.v1.QueuedNotice.decode(reader, reader.size(), $undefined, _depth + 1, message.queuedNotice);
                            message.body = "queuedNotice";
                            continue;
                        }
                    case 26: {
                            if (wireType !== 2)
                                break;
                            message.adminMessage = $root.clets.v1.AdminMessage.decode(reader, reader.size(), $undefined, _depth + 1, message.adminMessage);
                            message.body = "adminMessage";
                            continue;
                        }
                    case 27: {
                            if (wireType !== 2)
                                break;
                            message.deliveryReport = $root.clets.v1.DeliveryReport.decode(reader, reader.size(), $undefined, _depth + 1, message.deliveryReport);
                            message.body = "deliveryReport";
                            continue;
                        }
                    case 28: {
                            if (wireType !== 2)
                                break;
                            message.hitConfirmationRequest = $root.clets.v1.HitConfirmationRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.hitConfirmationRequest);
                            message.body = "hitConfirmationRequest";
                            continue;
                        }
                    case 29: {
                            if (wireType !== 2)
                                break;
                            message.hitConfirmationResponse = $root.clets.v1.HitConfirmationResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.hitConfirmationResponse);
                            message.body = "hitConfirmationResponse";
                            continue;
                        }
                    case 30: {
                            if (wireType !== 2)
                                break;
                            message.statusMessage = $root.clets.v1.StatusMessage.decode(reader, reader.size(), $undefined, _depth + 1, message.statusMessage);
                            message.body = "statusMessage";
                            continue;
                        }
                    case 40: {
                            if (wireType !== 2)
                                break;
                            message.linkHello = $root.clets.v1.LinkHello.decode(reader, reader.size(), $undefined, _depth + 1, message.linkHello);
                            message.body = "linkHello";
                            continue;
                        }
                    case 41: {
                            if (wireType !== 2)
                                break;
                            message.linkWelcome = $root.clets.v1.LinkWelcome.decode(reader, reader.size(), $undefined, _depth + 1, message.linkWelcome);
                            message.body = "linkWelcome";
                            continue;
                        }
                    case 42: {
                            if (wireType !== 2)
                                break;
                            message.linkRequest = $root.clets.v1.LinkRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.linkRequest);
                            message.body = "linkRequest";
                            continue;
                        }
                    case 43: {
                            if (wireType !== 2)
                                break;
                            message.linkReply = $root.clets.v1.LinkReply.decode(reader, reader.size(), $undefined, _depth + 1, message.linkReply);
                            message.body = "linkReply";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a Frame message.
             * @function verify
             * @memberof clets.v1.Frame
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Frame.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.linkSeq != null && $Object.hasOwnProperty.call(message, "linkSeq"))
                    if (!$util.isInteger(message.linkSeq) && !(message.linkSeq && $util.isInteger(message.linkSeq.low) && $util.isInteger(message.linkSeq.high)))
                        return "linkSeq: integer|Long expected";
                if (message.terminalHello != null && $Object.hasOwnProperty.call(message, "terminalHello")) {
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.TerminalHello.verify(message.terminalHello, _depth + 1);
                        if (error)
                            return "terminalHello." + error;
                    }
                }
                if (message.loginBanner != null && $Object.hasOwnProperty.call(message, "loginBanner")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.LoginBanner.verify(message.loginBanner, _depth + 1);
                        if (error)
                            return "loginBanner." + error;
                    }
                }
                if (message.bannerAck != null && $Object.hasOwnProperty.call(message, "bannerAck")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.BannerAck.verify(message.bannerAck, _depth + 1);
                        if (error)
                            return "bannerAck." + error;
                    }
                }
                if (message.operatorLogin != null && $Object.hasOwnProperty.call(message, "operatorLogin")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.OperatorLogin.verify(message.operatorLogin, _depth + 1);
                        if (error)
                            return "operatorLogin." + error;
                    }
                }
                if (message.secondFactorChallenge != null && $Object.hasOwnProperty.call(message, "secondFactorChallenge")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.SecondFactorChallenge.verify(message.secondFactorChallenge, _depth + 1);
                        if (error)
                            return "secondFactorChallenge." + error;
                    }
                }
                if (message.secondFactorAnswer != null && $Object.hasOwnProperty.call(message, "secondFactorAnswer")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.SecondFactorAnswer.verify(message.secondFactorAnswer, _depth + 1);
                        if (error)
                            return "secondFactorAnswer." + error;
                    }
                }
                if (message.loginResult != null && $Object.hasOwnProperty.call(message, "loginResult")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.LoginResult.verify(message.loginResult, _depth + 1);
                        if (error)
                            return "loginResult." + error;
                    }
                }
                if (message.logout != null && $Object.hasOwnProperty.call(message, "logout")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.Logout.verify(message.logout, _depth + 1);
                        if (error)
                            return "logout." + error;
                    }
                }
                if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.Heartbeat.verify(message.heartbeat, _depth + 1);
                        if (error)
                            return "heartbeat." + error;
                    }
                }
                if (message.transaction != null && $Object.hasOwnProperty.call(message, "transaction")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.Transaction.verify(message.transaction, _depth + 1);
                        if (error)
                            return "transaction." + error;
                    }
                }
                if (message.receipt != null && $Object.hasOwnProperty.call(message, "receipt")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.Receipt.verify(message.receipt, _depth + 1);
                        if (error)
                            return "receipt." + error;
                    }
                }
                if (message.response != null && $Object.hasOwnProperty.call(message, "response")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.Response.verify(message.response, _depth + 1);
                        if (error)
                            return "response." + error;
                    }
                }
                if (message.completion != null && $Object.hasOwnProperty.call(message, "completion")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.Completion.verify(message.completion, _depth + 1);
                        if (error)
                            return "completion." + error;
                    }
                }
                if (message.reject != null && $Object.hasOwnProperty.call(message, "reject")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.Reject.verify(message.reject, _depth + 1);
                        if (error)
                            return "reject." + error;
                    }
                }
                if (message.queuedNotice != null && $Object.hasOwnProperty.call(message, "queuedNotice")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.QueuedNotice.verify(message.queuedNotice, _depth + 1);
                        if (error)
                            return "queuedNotice." + error;
                    }
                }
                if (message.adminMessage != null && $Object.hasOwnProperty.call(message, "adminMessage")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.AdminMessage.verify(message.adminMessage, _depth + 1);
                        if (error)
                            return "adminMessage." + error;
                    }
                }
                if (message.deliveryReport != null && $Object.hasOwnProperty.call(message, "deliveryReport")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.DeliveryReport.verify(message.deliveryReport, _depth + 1);
                        if (error)
                            return "deliveryReport." + error;
                    }
                }
                if (message.hitConfirmationRequest != null && $Object.hasOwnProperty.call(message, "hitConfirmationRequest")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.HitConfirmationRequest.verify(message.hitConfirmationRequest, _depth + 1);
                        if (error)
                            return "hitConfirmationRequest." + error;
                    }
                }
                if (message.hitConfirmationResponse != null && $Object.hasOwnProperty.call(message, "hitConfirmationResponse")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.HitConfirmationResponse.verify(message.hitConfirmationResponse, _depth + 1);
                        if (error)
                            return "hitConfirmationResponse." + error;
                    }
                }
                if (message.statusMessage != null && $Object.hasOwnProperty.call(message, "statusMessage")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.StatusMessage.verify(message.statusMessage, _depth + 1);
                        if (error)
                            return "statusMessage." + error;
                    }
                }
                if (message.linkHello != null && $Object.hasOwnProperty.call(message, "linkHello")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.LinkHello.verify(message.linkHello, _depth + 1);
                        if (error)
                            return "linkHello." + error;
                    }
                }
                if (message.linkWelcome != null && $Object.hasOwnProperty.call(message, "linkWelcome")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.LinkWelcome.verify(message.linkWelcome, _depth + 1);
                        if (error)
                            return "linkWelcome." + error;
                    }
                }
                if (message.linkRequest != null && $Object.hasOwnProperty.call(message, "linkRequest")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.LinkRequest.verify(message.linkRequest, _depth + 1);
                        if (error)
                            return "linkRequest." + error;
                    }
                }
                if (message.linkReply != null && $Object.hasOwnProperty.call(message, "linkReply")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.clets.v1.LinkReply.verify(message.linkReply, _depth + 1);
                        if (error)
                            return "linkReply." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a Frame message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.Frame
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.Frame} Frame
             */
            Frame.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.Frame)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.Frame: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.Frame();
                if (object.linkSeq != null)
                    if (typeof object.linkSeq === "object" ? object.linkSeq.low || object.linkSeq.high : $Number(object.linkSeq) !== 0)
                        if ($util.Long)
                            message.linkSeq = $util.Long.fromValue(object.linkSeq, true);
                        else if (typeof object.linkSeq === "string")
                            message.linkSeq = $parseInt(object.linkSeq, 10);
                        else if (typeof object.linkSeq === "number")
                            message.linkSeq = object.linkSeq;
                        else if (typeof object.linkSeq === "object")
                            message.linkSeq = new $util.LongBits(object.linkSeq.low >>> 0, object.linkSeq.high >>> 0).toNumber(true);
                if (object.terminalHello != null) {
                    if (!$util.isObject(object.terminalHello))
                        throw $TypeError(".clets.v1.Frame.terminalHello: object expected");
                    message.terminalHello = $root.clets.v1.TerminalHello.fromObject(object.terminalHello, _depth + 1);
                }
                if (object.loginBanner != null) {
                    if (!$util.isObject(object.loginBanner))
                        throw $TypeError(".clets.v1.Frame.loginBanner: object expected");
                    message.loginBanner = $root.clets.v1.LoginBanner.fromObject(object.loginBanner, _depth + 1);
                }
                if (object.bannerAck != null) {
                    if (!$util.isObject(object.bannerAck))
                        throw $TypeError(".clets.v1.Frame.bannerAck: object expected");
                    message.bannerAck = $root.clets.v1.BannerAck.fromObject(object.bannerAck, _depth + 1);
                }
                if (object.operatorLogin != null) {
                    if (!$util.isObject(object.operatorLogin))
                        throw $TypeError(".clets.v1.Frame.operatorLogin: object expected");
                    message.operatorLogin = $root.clets.v1.OperatorLogin.fromObject(object.operatorLogin, _depth + 1);
                }
                if (object.secondFactorChallenge != null) {
                    if (!$util.isObject(object.secondFactorChallenge))
                        throw $TypeError(".clets.v1.Frame.secondFactorChallenge: object expected");
                    message.secondFactorChallenge = $root.clets.v1.SecondFactorChallenge.fromObject(object.secondFactorChallenge, _depth + 1);
                }
                if (object.secondFactorAnswer != null) {
                    if (!$util.isObject(object.secondFactorAnswer))
                        throw $TypeError(".clets.v1.Frame.secondFactorAnswer: object expected");
                    message.secondFactorAnswer = $root.clets.v1.SecondFactorAnswer.fromObject(object.secondFactorAnswer, _depth + 1);
                }
                if (object.loginResult != null) {
                    if (!$util.isObject(object.loginResult))
                        throw $TypeError(".clets.v1.Frame.loginResult: object expected");
                    message.loginResult = $root.clets.v1.LoginResult.fromObject(object.loginResult, _depth + 1);
                }
                if (object.logout != null) {
                    if (!$util.isObject(object.logout))
                        throw $TypeError(".clets.v1.Frame.logout: object expected");
                    message.logout = $root.clets.v1.Logout.fromObject(object.logout, _depth + 1);
                }
                if (object.heartbeat != null) {
                    if (!$util.isObject(object.heartbeat))
                        throw $TypeError(".clets.v1.Frame.heartbeat: object expected");
                    message.heartbeat = $root.clets.v1.Heartbeat.fromObject(object.heartbeat, _depth + 1);
                }
                if (object.transaction != null) {
                    if (!$util.isObject(object.transaction))
                        throw $TypeError(".clets.v1.Frame.transaction: object expected");
                    message.transaction = $root.clets.v1.Transaction.fromObject(object.transaction, _depth + 1);
                }
                if (object.receipt != null) {
                    if (!$util.isObject(object.receipt))
                        throw $TypeError(".clets.v1.Frame.receipt: object expected");
                    message.receipt = $root.clets.v1.Receipt.fromObject(object.receipt, _depth + 1);
                }
                if (object.response != null) {
                    if (!$util.isObject(object.response))
                        throw $TypeError(".clets.v1.Frame.response: object expected");
                    message.response = $root.clets.v1.Response.fromObject(object.response, _depth + 1);
                }
                if (object.completion != null) {
                    if (!$util.isObject(object.completion))
                        throw $TypeError(".clets.v1.Frame.completion: object expected");
                    message.completion = $root.clets.v1.Completion.fromObject(object.completion, _depth + 1);
                }
                if (object.reject != null) {
                    if (!$util.isObject(object.reject))
                        throw $TypeError(".clets.v1.Frame.reject: object expected");
                    message.reject = $root.clets.v1.Reject.fromObject(object.reject, _depth + 1);
                }
                if (object.queuedNotice != null) {
                    if (!$util.isObject(object.queuedNotice))
                        throw $TypeError(".clets.v1.Frame.queuedNotice: object expected");
                    message.queuedNotice = $root.clets.v1.QueuedNotice.fromObject(object.queuedNotice, _depth + 1);
                }
                if (object.adminMessage != null) {
                    if (!$util.isObject(object.adminMessage))
                        throw $TypeError(".clets.v1.Frame.adminMessage: object expected");
                    message.adminMessage = $root.clets.v1.AdminMessage.fromObject(object.adminMessage, _depth + 1);
                }
                if (object.deliveryReport != null) {
                    if (!$util.isObject(object.deliveryReport))
                        throw $TypeError(".clets.v1.Frame.deliveryReport: object expected");
                    message.deliveryReport = $root.clets.v1.DeliveryReport.fromObject(object.deliveryReport, _depth + 1);
                }
                if (object.hitConfirmationRequest != null) {
                    if (!$util.isObject(object.hitConfirmationRequest))
                        throw $TypeError(".clets.v1.Frame.hitConfirmationRequest: object expected");
                    message.hitConfirmationRequest = $root.clets.v1.HitConfirmationRequest.fromObject(object.hitConfirmationRequest, _depth + 1);
                }
                if (object.hitConfirmationResponse != null) {
                    if (!$util.isObject(object.hitConfirmationResponse))
                        throw $TypeError(".clets.v1.Frame.hitConfirmationResponse: object expected");
                    message.hitConfirmationResponse = $root.clets.v1.HitConfirmationResponse.fromObject(object.hitConfirmationResponse, _depth + 1);
                }
                if (object.statusMessage != null) {
                    if (!$util.isObject(object.statusMessage))
                        throw $TypeError(".clets.v1.Frame.statusMessage: object expected");
                    message.statusMessage = $root.clets.v1.StatusMessage.fromObject(object.statusMessage, _depth + 1);
                }
                if (object.linkHello != null) {
                    if (!$util.isObject(object.linkHello))
                        throw $TypeError(".clets.v1.Frame.linkHello: object expected");
                    message.linkHello = $root.clets.v1.LinkHello.fromObject(object.linkHello, _depth + 1);
                }
                if (object.linkWelcome != null) {
                    if (!$util.isObject(object.linkWelcome))
                        throw $TypeError(".clets.v1.Frame.linkWelcome: object expected");
                    message.linkWelcome = $root.clets.v1.LinkWelcome.fromObject(object.linkWelcome, _depth + 1);
                }
                if (object.linkRequest != null) {
                    if (!$util.isObject(object.linkRequest))
                        throw $TypeError(".clets.v1.Frame.linkRequest: object expected");
                    message.linkRequest = $root.clets.v1.LinkRequest.fromObject(object.linkRequest, _depth + 1);
                }
                if (object.linkReply != null) {
                    if (!$util.isObject(object.linkReply))
                        throw $TypeError(".clets.v1.Frame.linkReply: object expected");
                    message.linkReply = $root.clets.v1.LinkReply.fromObject(object.linkReply, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a Frame message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.Frame
             * @static
             * @param {clets.v1.Frame} message Frame
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Frame.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.linkSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.linkSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.linkSeq != null && $Object.hasOwnProperty.call(message, "linkSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.linkSeq = typeof message.linkSeq === "number" ? $BigInt(message.linkSeq) : $util.Long.fromBits(message.linkSeq.low >>> 0, message.linkSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.linkSeq === "number")
                        object.linkSeq = options.longs === $String ? $String(message.linkSeq) : message.linkSeq;
                    else
                        object.linkSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.linkSeq) : options.longs === $Number ? new $util.LongBits(message.linkSeq.low >>> 0, message.linkSeq.high >>> 0).toNumber(true) : message.linkSeq;
                if (message.terminalHello != null && $Object.hasOwnProperty.call(message, "terminalHello")) {
                    object.terminalHello = $root.clets.v1.TerminalHello.toObject(message.terminalHello, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "terminalHello";
                }
                if (message.loginBanner != null && $Object.hasOwnProperty.call(message, "loginBanner")) {
                    object.loginBanner = $root.clets.v1.LoginBanner.toObject(message.loginBanner, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "loginBanner";
                }
                if (message.bannerAck != null && $Object.hasOwnProperty.call(message, "bannerAck")) {
                    object.bannerAck = $root.clets.v1.BannerAck.toObject(message.bannerAck, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "bannerAck";
                }
                if (message.operatorLogin != null && $Object.hasOwnProperty.call(message, "operatorLogin")) {
                    object.operatorLogin = $root.clets.v1.OperatorLogin.toObject(message.operatorLogin, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "operatorLogin";
                }
                if (message.secondFactorChallenge != null && $Object.hasOwnProperty.call(message, "secondFactorChallenge")) {
                    object.secondFactorChallenge = $root.clets.v1.SecondFactorChallenge.toObject(message.secondFactorChallenge, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "secondFactorChallenge";
                }
                if (message.secondFactorAnswer != null && $Object.hasOwnProperty.call(message, "secondFactorAnswer")) {
                    object.secondFactorAnswer = $root.clets.v1.SecondFactorAnswer.toObject(message.secondFactorAnswer, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "secondFactorAnswer";
                }
                if (message.loginResult != null && $Object.hasOwnProperty.call(message, "loginResult")) {
                    object.loginResult = $root.clets.v1.LoginResult.toObject(message.loginResult, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "loginResult";
                }
                if (message.logout != null && $Object.hasOwnProperty.call(message, "logout")) {
                    object.logout = $root.clets.v1.Logout.toObject(message.logout, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "logout";
                }
                if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat")) {
                    object.heartbeat = $root.clets.v1.Heartbeat.toObject(message.heartbeat, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "heartbeat";
                }
                if (message.transaction != null && $Object.hasOwnProperty.call(message, "transaction")) {
                    object.transaction = $root.clets.v1.Transaction.toObject(message.transaction, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "transaction";
                }
                if (message.receipt != null && $Object.hasOwnProperty.call(message, "receipt")) {
                    object.receipt = $root.clets.v1.Receipt.toObject(message.receipt, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "receipt";
                }
                if (message.response != null && $Object.hasOwnProperty.call(message, "response")) {
                    object.response = $root.clets.v1.Response.toObject(message.response, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "response";
                }
                if (message.completion != null && $Object.hasOwnProperty.call(message, "completion")) {
                    object.completion = $root.clets.v1.Completion.toObject(message.completion, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "completion";
                }
                if (message.reject != null && $Object.hasOwnProperty.call(message, "reject")) {
                    object.reject = $root.clets.v1.Reject.toObject(message.reject, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "reject";
                }
                if (message.queuedNotice != null && $Object.hasOwnProperty.call(message, "queuedNotice")) {
                    object.queuedNotice = $root.clets.v1.QueuedNotice.toObject(message.queuedNotice, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "queuedNotice";
                }
                if (message.adminMessage != null && $Object.hasOwnProperty.call(message, "adminMessage")) {
                    object.adminMessage = $root.clets.v1.AdminMessage.toObject(message.adminMessage, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "adminMessage";
                }
                if (message.deliveryReport != null && $Object.hasOwnProperty.call(message, "deliveryReport")) {
                    object.deliveryReport = $root.clets.v1.DeliveryReport.toObject(message.deliveryReport, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "deliveryReport";
                }
                if (message.hitConfirmationRequest != null && $Object.hasOwnProperty.call(message, "hitConfirmationRequest")) {
                    object.hitConfirmationRequest = $root.clets.v1.HitConfirmationRequest.toObject(message.hitConfirmationRequest, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "hitConfirmationRequest";
                }
                if (message.hitConfirmationResponse != null && $Object.hasOwnProperty.call(message, "hitConfirmationResponse")) {
                    object.hitConfirmationResponse = $root.clets.v1.HitConfirmationResponse.toObject(message.hitConfirmationResponse, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "hitConfirmationResponse";
                }
                if (message.statusMessage != null && $Object.hasOwnProperty.call(message, "statusMessage")) {
                    object.statusMessage = $root.clets.v1.StatusMessage.toObject(message.statusMessage, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "statusMessage";
                }
                if (message.linkHello != null && $Object.hasOwnProperty.call(message, "linkHello")) {
                    object.linkHello = $root.clets.v1.LinkHello.toObject(message.linkHello, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "linkHello";
                }
                if (message.linkWelcome != null && $Object.hasOwnProperty.call(message, "linkWelcome")) {
                    object.linkWelcome = $root.clets.v1.LinkWelcome.toObject(message.linkWelcome, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "linkWelcome";
                }
                if (message.linkRequest != null && $Object.hasOwnProperty.call(message, "linkRequest")) {
                    object.linkRequest = $root.clets.v1.LinkRequest.toObject(message.linkRequest, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "linkRequest";
                }
                if (message.linkReply != null && $Object.hasOwnProperty.call(message, "linkReply")) {
                    object.linkReply = $root.clets.v1.LinkReply.toObject(message.linkReply, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "linkReply";
                }
                return object;
            };

            /**
             * Converts this Frame to JSON.
             * @function toJSON
             * @memberof clets.v1.Frame
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Frame.prototype.toJSON = function() {
                return Frame.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Frame;
        })();

        v1.Field = (function() {

            /**
             * Properties of a Field.
             * @typedef {Object} clets.v1.Field.$Properties
             * @property {string|null} [tag] Field tag
             * @property {string|null} [value] Field value
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Field.
             * @memberof clets.v1
             * @interface IField
             * @augments clets.v1.Field.$Properties
             * @deprecated Use clets.v1.Field.$Properties instead.
             */

            /**
             * Shape of a Field.
             * @typedef {clets.v1.Field.$Properties} clets.v1.Field.$Shape
             */

            /**
             * Constructs a new Field.
             * @memberof clets.v1
             * @classdesc Represents a Field.
             * @constructor
             * @param {clets.v1.Field.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Field = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Field tag.
             * @member {string} tag
             * @memberof clets.v1.Field
             * @instance
             */
            Field.prototype.tag = "";

            /**
             * Field value.
             * @member {string} value
             * @memberof clets.v1.Field
             * @instance
             */
            Field.prototype.value = "";

            /**
             * Creates a new Field instance using the specified properties.
             * @function create
             * @memberof clets.v1.Field
             * @static
             * @param {clets.v1.Field.$Properties=} [properties] Properties to set
             * @returns {clets.v1.Field} Field instance
             * @type {{
             *   (properties: clets.v1.Field.$Shape): clets.v1.Field & clets.v1.Field.$Shape;
             *   (properties?: clets.v1.Field.$Properties): clets.v1.Field;
             * }}
             */
            Field.create = function(properties) {
                return new Field(properties);
            };

            /**
             * Encodes the specified Field message. Does not implicitly {@link clets.v1.Field.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.Field
             * @static
             * @param {clets.v1.Field.$Properties} message Field message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Field.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tag != null && $Object.hasOwnProperty.call(message, "tag") && message.tag !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.tag);
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.value);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Field message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.Field
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.Field & clets.v1.Field.$Shape} Field
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Field.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.Field();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tag = value;
                            else
                                delete message.tag;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a Field message.
             * @function verify
             * @memberof clets.v1.Field
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Field.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.tag != null && $Object.hasOwnProperty.call(message, "tag"))
                    if (!$util.isString(message.tag))
                        return "tag: string expected";
                if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                    if (!$util.isString(message.value))
                        return "value: string expected";
                return null;
            };

            /**
             * Creates a Field message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.Field
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.Field} Field
             */
            Field.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.Field)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.Field: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.Field();
                if (object.tag != null)
                    if (typeof object.tag !== "string" || object.tag.length)
                        message.tag = $String(object.tag);
                if (object.value != null)
                    if (typeof object.value !== "string" || object.value.length)
                        message.value = $String(object.value);
                return message;
            };

            /**
             * Creates a plain object from a Field message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.Field
             * @static
             * @param {clets.v1.Field} message Field
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Field.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.tag = "";
                    object.value = "";
                }
                if (message.tag != null && $Object.hasOwnProperty.call(message, "tag"))
                    object.tag = message.tag;
                if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                    object.value = message.value;
                return object;
            };

            /**
             * Converts this Field to JSON.
             * @function toJSON
             * @memberof clets.v1.Field
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Field.prototype.toJSON = function() {
                return Field.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Field;
        })();

        v1.RouteTo = (function() {

            /**
             * Properties of a RouteTo.
             * @typedef {Object} clets.v1.RouteTo.$Properties
             * @property {string|null} [requester] RouteTo requester
             * @property {string|null} [operator] RouteTo operator
             * @property {string|null} [reason] RouteTo reason
             * @property {string|null} [caseNumber] RouteTo caseNumber
             * @property {string|null} [noCaseReason] RouteTo noCaseReason
             * @property {string|null} [purposeCode] RouteTo purposeCode
             * @property {string|null} [attention] RouteTo attention
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RouteTo.
             * @memberof clets.v1
             * @interface IRouteTo
             * @augments clets.v1.RouteTo.$Properties
             * @deprecated Use clets.v1.RouteTo.$Properties instead.
             */

            /**
             * Shape of a RouteTo.
             * @typedef {clets.v1.RouteTo.$Properties} clets.v1.RouteTo.$Shape
             */

            /**
             * Constructs a new RouteTo.
             * @memberof clets.v1
             * @classdesc Represents a RouteTo.
             * @constructor
             * @param {clets.v1.RouteTo.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RouteTo = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RouteTo requester.
             * @member {string} requester
             * @memberof clets.v1.RouteTo
             * @instance
             */
            RouteTo.prototype.requester = "";

            /**
             * RouteTo operator.
             * @member {string} operator
             * @memberof clets.v1.RouteTo
             * @instance
             */
            RouteTo.prototype.operator = "";

            /**
             * RouteTo reason.
             * @member {string} reason
             * @memberof clets.v1.RouteTo
             * @instance
             */
            RouteTo.prototype.reason = "";

            /**
             * RouteTo caseNumber.
             * @member {string} caseNumber
             * @memberof clets.v1.RouteTo
             * @instance
             */
            RouteTo.prototype.caseNumber = "";

            /**
             * RouteTo noCaseReason.
             * @member {string} noCaseReason
             * @memberof clets.v1.RouteTo
             * @instance
             */
            RouteTo.prototype.noCaseReason = "";

            /**
             * RouteTo purposeCode.
             * @member {string} purposeCode
             * @memberof clets.v1.RouteTo
             * @instance
             */
            RouteTo.prototype.purposeCode = "";

            /**
             * RouteTo attention.
             * @member {string} attention
             * @memberof clets.v1.RouteTo
             * @instance
             */
            RouteTo.prototype.attention = "";

            /**
             * Creates a new RouteTo instance using the specified properties.
             * @function create
             * @memberof clets.v1.RouteTo
             * @static
             * @param {clets.v1.RouteTo.$Properties=} [properties] Properties to set
             * @returns {clets.v1.RouteTo} RouteTo instance
             * @type {{
             *   (properties: clets.v1.RouteTo.$Shape): clets.v1.RouteTo & clets.v1.RouteTo.$Shape;
             *   (properties?: clets.v1.RouteTo.$Properties): clets.v1.RouteTo;
             * }}
             */
            RouteTo.create = function(properties) {
                return new RouteTo(properties);
            };

            /**
             * Encodes the specified RouteTo message. Does not implicitly {@link clets.v1.RouteTo.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.RouteTo
             * @static
             * @param {clets.v1.RouteTo.$Properties} message RouteTo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RouteTo.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.requester != null && $Object.hasOwnProperty.call(message, "requester") && message.requester !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.requester);
                if (message.operator != null && $Object.hasOwnProperty.call(message, "operator") && message.operator !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.operator);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.reason);
                if (message.caseNumber != null && $Object.hasOwnProperty.call(message, "caseNumber") && message.caseNumber !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.caseNumber);
                if (message.noCaseReason != null && $Object.hasOwnProperty.call(message, "noCaseReason") && message.noCaseReason !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.noCaseReason);
                if (message.purposeCode != null && $Object.hasOwnProperty.call(message, "purposeCode") && message.purposeCode !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.purposeCode);
                if (message.attention != null && $Object.hasOwnProperty.call(message, "attention") && message.attention !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.attention);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RouteTo message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.RouteTo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.RouteTo & clets.v1.RouteTo.$Shape} RouteTo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RouteTo.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.RouteTo();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.requester = value;
                            else
                                delete message.requester;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.operator = value;
                            else
                                delete message.operator;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.caseNumber = value;
                            else
                                delete message.caseNumber;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.noCaseReason = value;
                            else
                                delete message.noCaseReason;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.purposeCode = value;
                            else
                                delete message.purposeCode;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.attention = value;
                            else
                                delete message.attention;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a RouteTo message.
             * @function verify
             * @memberof clets.v1.RouteTo
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RouteTo.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.requester != null && $Object.hasOwnProperty.call(message, "requester"))
                    if (!$util.isString(message.requester))
                        return "requester: string expected";
                if (message.operator != null && $Object.hasOwnProperty.call(message, "operator"))
                    if (!$util.isString(message.operator))
                        return "operator: string expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                if (message.caseNumber != null && $Object.hasOwnProperty.call(message, "caseNumber"))
                    if (!$util.isString(message.caseNumber))
                        return "caseNumber: string expected";
                if (message.noCaseReason != null && $Object.hasOwnProperty.call(message, "noCaseReason"))
                    if (!$util.isString(message.noCaseReason))
                        return "noCaseReason: string expected";
                if (message.purposeCode != null && $Object.hasOwnProperty.call(message, "purposeCode"))
                    if (!$util.isString(message.purposeCode))
                        return "purposeCode: string expected";
                if (message.attention != null && $Object.hasOwnProperty.call(message, "attention"))
                    if (!$util.isString(message.attention))
                        return "attention: string expected";
                return null;
            };

            /**
             * Creates a RouteTo message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.RouteTo
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.RouteTo} RouteTo
             */
            RouteTo.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.RouteTo)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.RouteTo: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.RouteTo();
                if (object.requester != null)
                    if (typeof object.requester !== "string" || object.requester.length)
                        message.requester = $String(object.requester);
                if (object.operator != null)
                    if (typeof object.operator !== "string" || object.operator.length)
                        message.operator = $String(object.operator);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.caseNumber != null)
                    if (typeof object.caseNumber !== "string" || object.caseNumber.length)
                        message.caseNumber = $String(object.caseNumber);
                if (object.noCaseReason != null)
                    if (typeof object.noCaseReason !== "string" || object.noCaseReason.length)
                        message.noCaseReason = $String(object.noCaseReason);
                if (object.purposeCode != null)
                    if (typeof object.purposeCode !== "string" || object.purposeCode.length)
                        message.purposeCode = $String(object.purposeCode);
                if (object.attention != null)
                    if (typeof object.attention !== "string" || object.attention.length)
                        message.attention = $String(object.attention);
                return message;
            };

            /**
             * Creates a plain object from a RouteTo message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.RouteTo
             * @static
             * @param {clets.v1.RouteTo} message RouteTo
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RouteTo.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.requester = "";
                    object.operator = "";
                    object.reason = "";
                    object.caseNumber = "";
                    object.noCaseReason = "";
                    object.purposeCode = "";
                    object.attention = "";
                }
                if (message.requester != null && $Object.hasOwnProperty.call(message, "requester"))
                    object.requester = message.requester;
                if (message.operator != null && $Object.hasOwnProperty.call(message, "operator"))
                    object.operator = message.operator;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.caseNumber != null && $Object.hasOwnProperty.call(message, "caseNumber"))
                    object.caseNumber = message.caseNumber;
                if (message.noCaseReason != null && $Object.hasOwnProperty.call(message, "noCaseReason"))
                    object.noCaseReason = message.noCaseReason;
                if (message.purposeCode != null && $Object.hasOwnProperty.call(message, "purposeCode"))
                    object.purposeCode = message.purposeCode;
                if (message.attention != null && $Object.hasOwnProperty.call(message, "attention"))
                    object.attention = message.attention;
                return object;
            };

            /**
             * Converts this RouteTo to JSON.
             * @function toJSON
             * @memberof clets.v1.RouteTo
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RouteTo.prototype.toJSON = function() {
                return RouteTo.toObject(this, $protobuf.util.toJSONOptions);
            };

            return RouteTo;
        })();

        v1.Hop = (function() {

            /**
             * Properties of a Hop.
             * @typedef {Object} clets.v1.Hop.$Properties
             * @property {string|null} [switchId] Hop switchId
             * @property {number|null} [inputSeq] Hop inputSeq
             * @property {number|null} [outputSeq] Hop outputSeq
             * @property {number|null} [receivedAtMs] Hop receivedAtMs
             * @property {number|null} [sentAtMs] Hop sentAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Hop.
             * @memberof clets.v1
             * @interface IHop
             * @augments clets.v1.Hop.$Properties
             * @deprecated Use clets.v1.Hop.$Properties instead.
             */

            /**
             * Shape of a Hop.
             * @typedef {clets.v1.Hop.$Properties} clets.v1.Hop.$Shape
             */

            /**
             * Constructs a new Hop.
             * @memberof clets.v1
             * @classdesc Represents a Hop.
             * @constructor
             * @param {clets.v1.Hop.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Hop = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Hop switchId.
             * @member {string} switchId
             * @memberof clets.v1.Hop
             * @instance
             */
            Hop.prototype.switchId = "";

            /**
             * Hop inputSeq.
             * @member {number} inputSeq
             * @memberof clets.v1.Hop
             * @instance
             */
            Hop.prototype.inputSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Hop outputSeq.
             * @member {number} outputSeq
             * @memberof clets.v1.Hop
             * @instance
             */
            Hop.prototype.outputSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Hop receivedAtMs.
             * @member {number} receivedAtMs
             * @memberof clets.v1.Hop
             * @instance
             */
            Hop.prototype.receivedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Hop sentAtMs.
             * @member {number} sentAtMs
             * @memberof clets.v1.Hop
             * @instance
             */
            Hop.prototype.sentAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new Hop instance using the specified properties.
             * @function create
             * @memberof clets.v1.Hop
             * @static
             * @param {clets.v1.Hop.$Properties=} [properties] Properties to set
             * @returns {clets.v1.Hop} Hop instance
             * @type {{
             *   (properties: clets.v1.Hop.$Shape): clets.v1.Hop & clets.v1.Hop.$Shape;
             *   (properties?: clets.v1.Hop.$Properties): clets.v1.Hop;
             * }}
             */
            Hop.create = function(properties) {
                return new Hop(properties);
            };

            /**
             * Encodes the specified Hop message. Does not implicitly {@link clets.v1.Hop.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.Hop
             * @static
             * @param {clets.v1.Hop.$Properties} message Hop message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hop.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.switchId != null && $Object.hasOwnProperty.call(message, "switchId") && message.switchId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.switchId);
                if (message.inputSeq != null && $Object.hasOwnProperty.call(message, "inputSeq") && (typeof message.inputSeq === "object" ? message.inputSeq.low || message.inputSeq.high : message.inputSeq !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.inputSeq);
                if (message.outputSeq != null && $Object.hasOwnProperty.call(message, "outputSeq") && (typeof message.outputSeq === "object" ? message.outputSeq.low || message.outputSeq.high : message.outputSeq !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.outputSeq);
                if (message.receivedAtMs != null && $Object.hasOwnProperty.call(message, "receivedAtMs") && (typeof message.receivedAtMs === "object" ? message.receivedAtMs.low || message.receivedAtMs.high : message.receivedAtMs !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).int64(message.receivedAtMs);
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs") && (typeof message.sentAtMs === "object" ? message.sentAtMs.low || message.sentAtMs.high : message.sentAtMs !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).int64(message.sentAtMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Hop message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.Hop
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.Hop & clets.v1.Hop.$Shape} Hop
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hop.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.Hop();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.switchId = value;
                            else
                                delete message.switchId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.inputSeq = value;
                            else
                                delete message.inputSeq;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.outputSeq = value;
                            else
                                delete message.outputSeq;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.receivedAtMs = value;
                            else
                                delete message.receivedAtMs;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.sentAtMs = value;
                            else
                                delete message.sentAtMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a Hop message.
             * @function verify
             * @memberof clets.v1.Hop
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Hop.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.switchId != null && $Object.hasOwnProperty.call(message, "switchId"))
                    if (!$util.isString(message.switchId))
                        return "switchId: string expected";
                if (message.inputSeq != null && $Object.hasOwnProperty.call(message, "inputSeq"))
                    if (!$util.isInteger(message.inputSeq) && !(message.inputSeq && $util.isInteger(message.inputSeq.low) && $util.isInteger(message.inputSeq.high)))
                        return "inputSeq: integer|Long expected";
                if (message.outputSeq != null && $Object.hasOwnProperty.call(message, "outputSeq"))
                    if (!$util.isInteger(message.outputSeq) && !(message.outputSeq && $util.isInteger(message.outputSeq.low) && $util.isInteger(message.outputSeq.high)))
                        return "outputSeq: integer|Long expected";
                if (message.receivedAtMs != null && $Object.hasOwnProperty.call(message, "receivedAtMs"))
                    if (!$util.isInteger(message.receivedAtMs) && !(message.receivedAtMs && $util.isInteger(message.receivedAtMs.low) && $util.isInteger(message.receivedAtMs.high)))
                        return "receivedAtMs: integer|Long expected";
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs"))
                    if (!$util.isInteger(message.sentAtMs) && !(message.sentAtMs && $util.isInteger(message.sentAtMs.low) && $util.isInteger(message.sentAtMs.high)))
                        return "sentAtMs: integer|Long expected";
                return null;
            };

            /**
             * Creates a Hop message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.Hop
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.Hop} Hop
             */
            Hop.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.Hop)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.Hop: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.Hop();
                if (object.switchId != null)
                    if (typeof object.switchId !== "string" || object.switchId.length)
                        message.switchId = $String(object.switchId);
                if (object.inputSeq != null)
                    if (typeof object.inputSeq === "object" ? object.inputSeq.low || object.inputSeq.high : $Number(object.inputSeq) !== 0)
                        if ($util.Long)
                            message.inputSeq = $util.Long.fromValue(object.inputSeq, true);
                        else if (typeof object.inputSeq === "string")
                            message.inputSeq = $parseInt(object.inputSeq, 10);
                        else if (typeof object.inputSeq === "number")
                            message.inputSeq = object.inputSeq;
                        else if (typeof object.inputSeq === "object")
                            message.inputSeq = new $util.LongBits(object.inputSeq.low >>> 0, object.inputSeq.high >>> 0).toNumber(true);
                if (object.outputSeq != null)
                    if (typeof object.outputSeq === "object" ? object.outputSeq.low || object.outputSeq.high : $Number(object.outputSeq) !== 0)
                        if ($util.Long)
                            message.outputSeq = $util.Long.fromValue(object.outputSeq, true);
                        else if (typeof object.outputSeq === "string")
                            message.outputSeq = $parseInt(object.outputSeq, 10);
                        else if (typeof object.outputSeq === "number")
                            message.outputSeq = object.outputSeq;
                        else if (typeof object.outputSeq === "object")
                            message.outputSeq = new $util.LongBits(object.outputSeq.low >>> 0, object.outputSeq.high >>> 0).toNumber(true);
                if (object.receivedAtMs != null)
                    if (typeof object.receivedAtMs === "object" ? object.receivedAtMs.low || object.receivedAtMs.high : $Number(object.receivedAtMs) !== 0)
                        if ($util.Long)
                            message.receivedAtMs = $util.Long.fromValue(object.receivedAtMs, false);
                        else if (typeof object.receivedAtMs === "string")
                            message.receivedAtMs = $parseInt(object.receivedAtMs, 10);
                        else if (typeof object.receivedAtMs === "number")
                            message.receivedAtMs = object.receivedAtMs;
                        else if (typeof object.receivedAtMs === "object")
                            message.receivedAtMs = new $util.LongBits(object.receivedAtMs.low >>> 0, object.receivedAtMs.high >>> 0).toNumber();
                if (object.sentAtMs != null)
                    if (typeof object.sentAtMs === "object" ? object.sentAtMs.low || object.sentAtMs.high : $Number(object.sentAtMs) !== 0)
                        if ($util.Long)
                            message.sentAtMs = $util.Long.fromValue(object.sentAtMs, false);
                        else if (typeof object.sentAtMs === "string")
                            message.sentAtMs = $parseInt(object.sentAtMs, 10);
                        else if (typeof object.sentAtMs === "number")
                            message.sentAtMs = object.sentAtMs;
                        else if (typeof object.sentAtMs === "object")
                            message.sentAtMs = new $util.LongBits(object.sentAtMs.low >>> 0, object.sentAtMs.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from a Hop message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.Hop
             * @static
             * @param {clets.v1.Hop} message Hop
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Hop.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.switchId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.inputSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.inputSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.outputSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.outputSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.receivedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.receivedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.sentAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sentAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.switchId != null && $Object.hasOwnProperty.call(message, "switchId"))
                    object.switchId = message.switchId;
                if (message.inputSeq != null && $Object.hasOwnProperty.call(message, "inputSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.inputSeq = typeof message.inputSeq === "number" ? $BigInt(message.inputSeq) : $util.Long.fromBits(message.inputSeq.low >>> 0, message.inputSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.inputSeq === "number")
                        object.inputSeq = options.longs === $String ? $String(message.inputSeq) : message.inputSeq;
                    else
                        object.inputSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.inputSeq) : options.longs === $Number ? new $util.LongBits(message.inputSeq.low >>> 0, message.inputSeq.high >>> 0).toNumber(true) : message.inputSeq;
                if (message.outputSeq != null && $Object.hasOwnProperty.call(message, "outputSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.outputSeq = typeof message.outputSeq === "number" ? $BigInt(message.outputSeq) : $util.Long.fromBits(message.outputSeq.low >>> 0, message.outputSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.outputSeq === "number")
                        object.outputSeq = options.longs === $String ? $String(message.outputSeq) : message.outputSeq;
                    else
                        object.outputSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.outputSeq) : options.longs === $Number ? new $util.LongBits(message.outputSeq.low >>> 0, message.outputSeq.high >>> 0).toNumber(true) : message.outputSeq;
                if (message.receivedAtMs != null && $Object.hasOwnProperty.call(message, "receivedAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.receivedAtMs = typeof message.receivedAtMs === "number" ? $BigInt(message.receivedAtMs) : $util.Long.fromBits(message.receivedAtMs.low >>> 0, message.receivedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.receivedAtMs === "number")
                        object.receivedAtMs = options.longs === $String ? $String(message.receivedAtMs) : message.receivedAtMs;
                    else
                        object.receivedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.receivedAtMs) : options.longs === $Number ? new $util.LongBits(message.receivedAtMs.low >>> 0, message.receivedAtMs.high >>> 0).toNumber() : message.receivedAtMs;
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sentAtMs = typeof message.sentAtMs === "number" ? $BigInt(message.sentAtMs) : $util.Long.fromBits(message.sentAtMs.low >>> 0, message.sentAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.sentAtMs === "number")
                        object.sentAtMs = options.longs === $String ? $String(message.sentAtMs) : message.sentAtMs;
                    else
                        object.sentAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.sentAtMs) : options.longs === $Number ? new $util.LongBits(message.sentAtMs.low >>> 0, message.sentAtMs.high >>> 0).toNumber() : message.sentAtMs;
                return object;
            };

            /**
             * Converts this Hop to JSON.
             * @function toJSON
             * @memberof clets.v1.Hop
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Hop.prototype.toJSON = function() {
                return Hop.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Hop;
        })();

        v1.Header = (function() {

            /**
             * Properties of a Header.
             * @typedef {Object} clets.v1.Header.$Properties
             * @property {string|null} [clientMessageId] Header clientMessageId
             * @property {string|null} [control] Header control
             * @property {string|null} [messageKey] Header messageKey
             * @property {string|null} [ori] Header ori
             * @property {string|null} [terminal] Header terminal
             * @property {string|null} [operatorId] Header operatorId
             * @property {Array.<string>|null} [destinations] Header destinations
             * @property {number|null} [inputSeq] Header inputSeq
             * @property {number|null} [outputSeq] Header outputSeq
             * @property {number|null} [receivedAtMs] Header receivedAtMs
             * @property {number|null} [sentAtMs] Header sentAtMs
             * @property {Array.<clets.v1.Hop.$Properties>|null} [hops] Header hops
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Header.
             * @memberof clets.v1
             * @interface IHeader
             * @augments clets.v1.Header.$Properties
             * @deprecated Use clets.v1.Header.$Properties instead.
             */

            /**
             * Shape of a Header.
             * @typedef {clets.v1.Header.$Properties} clets.v1.Header.$Shape
             */

            /**
             * Constructs a new Header.
             * @memberof clets.v1
             * @classdesc Represents a Header.
             * @constructor
             * @param {clets.v1.Header.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Header = function (properties) {
                this.destinations = [];
                this.hops = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Header clientMessageId.
             * @member {string} clientMessageId
             * @memberof clets.v1.Header
             * @instance
             */
            Header.prototype.clientMessageId = "";

            /**
             * Header control.
             * @member {string} control
             * @memberof clets.v1.Header
             * @instance
             */
            Header.prototype.control = "";

            /**
             * Header messageKey.
             * @member {string} messageKey
             * @memberof clets.v1.Header
             * @instance
             */
            Header.prototype.messageKey = "";

            /**
             * Header ori.
             * @member {string} ori
             * @memberof clets.v1.Header
             * @instance
             */
            Header.prototype.ori = "";

            /**
             * Header terminal.
             * @member {string} terminal
             * @memberof clets.v1.Header
             * @instance
             */
            Header.prototype.terminal = "";

            /**
             * Header operatorId.
             * @member {string} operatorId
             * @memberof clets.v1.Header
             * @instance
             */
            Header.prototype.operatorId = "";

            /**
             * Header destinations.
             * @member {Array.<string>} destinations
             * @memberof clets.v1.Header
             * @instance
             */
            Header.prototype.destinations = $util.emptyArray;

            /**
             * Header inputSeq.
             * @member {number} inputSeq
             * @memberof clets.v1.Header
             * @instance
             */
            Header.prototype.inputSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Header outputSeq.
             * @member {number} outputSeq
             * @memberof clets.v1.Header
             * @instance
             */
            Header.prototype.outputSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Header receivedAtMs.
             * @member {number} receivedAtMs
             * @memberof clets.v1.Header
             * @instance
             */
            Header.prototype.receivedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Header sentAtMs.
             * @member {number} sentAtMs
             * @memberof clets.v1.Header
             * @instance
             */
            Header.prototype.sentAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Header hops.
             * @member {Array.<clets.v1.Hop.$Properties>} hops
             * @memberof clets.v1.Header
             * @instance
             */
            Header.prototype.hops = $util.emptyArray;

            /**
             * Creates a new Header instance using the specified properties.
             * @function create
             * @memberof clets.v1.Header
             * @static
             * @param {clets.v1.Header.$Properties=} [properties] Properties to set
             * @returns {clets.v1.Header} Header instance
             * @type {{
             *   (properties: clets.v1.Header.$Shape): clets.v1.Header & clets.v1.Header.$Shape;
             *   (properties?: clets.v1.Header.$Properties): clets.v1.Header;
             * }}
             */
            Header.create = function(properties) {
                return new Header(properties);
            };

            /**
             * Encodes the specified Header message. Does not implicitly {@link clets.v1.Header.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.Header
             * @static
             * @param {clets.v1.Header.$Properties} message Header message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Header.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.clientMessageId != null && $Object.hasOwnProperty.call(message, "clientMessageId") && message.clientMessageId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.clientMessageId);
                if (message.control != null && $Object.hasOwnProperty.call(message, "control") && message.control !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.control);
                if (message.messageKey != null && $Object.hasOwnProperty.call(message, "messageKey") && message.messageKey !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.messageKey);
                if (message.ori != null && $Object.hasOwnProperty.call(message, "ori") && message.ori !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.ori);
                if (message.terminal != null && $Object.hasOwnProperty.call(message, "terminal") && message.terminal !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.terminal);
                if (message.operatorId != null && $Object.hasOwnProperty.call(message, "operatorId") && message.operatorId !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.operatorId);
                if (message.destinations != null && message.destinations.length)
                    for (let i = 0; i < message.destinations.length; ++i)
                        writer.uint32(/* id 7, wireType 2 =*/58).string(message.destinations[i]);
                if (message.inputSeq != null && $Object.hasOwnProperty.call(message, "inputSeq") && (typeof message.inputSeq === "object" ? message.inputSeq.low || message.inputSeq.high : message.inputSeq !== 0))
                    writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.inputSeq);
                if (message.outputSeq != null && $Object.hasOwnProperty.call(message, "outputSeq") && (typeof message.outputSeq === "object" ? message.outputSeq.low || message.outputSeq.high : message.outputSeq !== 0))
                    writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.outputSeq);
                if (message.receivedAtMs != null && $Object.hasOwnProperty.call(message, "receivedAtMs") && (typeof message.receivedAtMs === "object" ? message.receivedAtMs.low || message.receivedAtMs.high : message.receivedAtMs !== 0))
                    writer.uint32(/* id 10, wireType 0 =*/80).int64(message.receivedAtMs);
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs") && (typeof message.sentAtMs === "object" ? message.sentAtMs.low || message.sentAtMs.high : message.sentAtMs !== 0))
                    writer.uint32(/* id 11, wireType 0 =*/88).int64(message.sentAtMs);
                if (message.hops != null && message.hops.length)
                    for (let i = 0; i < message.hops.length; ++i)
                        $root.clets.v1.Hop.encode(message.hops[i], writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Header message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.Header
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.Header & clets.v1.Header.$Shape} Header
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Header.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.Header();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.clientMessageId = value;
                            else
                                delete message.clientMessageId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.control = value;
                            else
                                delete message.control;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.messageKey = value;
                            else
                                delete message.messageKey;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ori = value;
                            else
                                delete message.ori;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.terminal = value;
                            else
                                delete message.terminal;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.operatorId = value;
                            else
                                delete message.operatorId;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if (!(message.destinations && message.destinations.length))
                                message.destinations = [];
                            message.destinations.push(reader.stringVerify());
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.inputSeq = value;
                            else
                                delete message.inputSeq;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.outputSeq = value;
                            else
                                delete message.outputSeq;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.receivedAtMs = value;
                            else
                                delete message.receivedAtMs;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.sentAtMs = value;
                            else
                                delete message.sentAtMs;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if (!(message.hops && message.hops.length))
                                message.hops = [];
                            message.hops.push($root.clets.v1.Hop.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a Header message.
             * @function verify
             * @memberof clets.v1.Header
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Header.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.clientMessageId != null && $Object.hasOwnProperty.call(message, "clientMessageId"))
                    if (!$util.isString(message.clientMessageId))
                        return "clientMessageId: string expected";
                if (message.control != null && $Object.hasOwnProperty.call(message, "control"))
                    if (!$util.isString(message.control))
                        return "control: string expected";
                if (message.messageKey != null && $Object.hasOwnProperty.call(message, "messageKey"))
                    if (!$util.isString(message.messageKey))
                        return "messageKey: string expected";
                if (message.ori != null && $Object.hasOwnProperty.call(message, "ori"))
                    if (!$util.isString(message.ori))
                        return "ori: string expected";
                if (message.terminal != null && $Object.hasOwnProperty.call(message, "terminal"))
                    if (!$util.isString(message.terminal))
                        return "terminal: string expected";
                if (message.operatorId != null && $Object.hasOwnProperty.call(message, "operatorId"))
                    if (!$util.isString(message.operatorId))
                        return "operatorId: string expected";
                if (message.destinations != null && $Object.hasOwnProperty.call(message, "destinations")) {
                    if (!$Array.isArray(message.destinations))
                        return "destinations: array expected";
                    for (let i = 0; i < message.destinations.length; ++i)
                        if (!$util.isString(message.destinations[i]))
                            return "destinations: string[] expected";
                }
                if (message.inputSeq != null && $Object.hasOwnProperty.call(message, "inputSeq"))
                    if (!$util.isInteger(message.inputSeq) && !(message.inputSeq && $util.isInteger(message.inputSeq.low) && $util.isInteger(message.inputSeq.high)))
                        return "inputSeq: integer|Long expected";
                if (message.outputSeq != null && $Object.hasOwnProperty.call(message, "outputSeq"))
                    if (!$util.isInteger(message.outputSeq) && !(message.outputSeq && $util.isInteger(message.outputSeq.low) && $util.isInteger(message.outputSeq.high)))
                        return "outputSeq: integer|Long expected";
                if (message.receivedAtMs != null && $Object.hasOwnProperty.call(message, "receivedAtMs"))
                    if (!$util.isInteger(message.receivedAtMs) && !(message.receivedAtMs && $util.isInteger(message.receivedAtMs.low) && $util.isInteger(message.receivedAtMs.high)))
                        return "receivedAtMs: integer|Long expected";
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs"))
                    if (!$util.isInteger(message.sentAtMs) && !(message.sentAtMs && $util.isInteger(message.sentAtMs.low) && $util.isInteger(message.sentAtMs.high)))
                        return "sentAtMs: integer|Long expected";
                if (message.hops != null && $Object.hasOwnProperty.call(message, "hops")) {
                    if (!$Array.isArray(message.hops))
                        return "hops: array expected";
                    for (let i = 0; i < message.hops.length; ++i) {
                        let error = $root.clets.v1.Hop.verify(message.hops[i], _depth + 1);
                        if (error)
                            return "hops." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a Header message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.Header
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.Header} Header
             */
            Header.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.Header)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.Header: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.Header();
                if (object.clientMessageId != null)
                    if (typeof object.clientMessageId !== "string" || object.clientMessageId.length)
                        message.clientMessageId = $String(object.clientMessageId);
                if (object.control != null)
                    if (typeof object.control !== "string" || object.control.length)
                        message.control = $String(object.control);
                if (object.messageKey != null)
                    if (typeof object.messageKey !== "string" || object.messageKey.length)
                        message.messageKey = $String(object.messageKey);
                if (object.ori != null)
                    if (typeof object.ori !== "string" || object.ori.length)
                        message.ori = $String(object.ori);
                if (object.terminal != null)
                    if (typeof object.terminal !== "string" || object.terminal.length)
                        message.terminal = $String(object.terminal);
                if (object.operatorId != null)
                    if (typeof object.operatorId !== "string" || object.operatorId.length)
                        message.operatorId = $String(object.operatorId);
                if (object.destinations) {
                    if (!$Array.isArray(object.destinations))
                        throw $TypeError(".clets.v1.Header.destinations: array expected");
                    message.destinations = $Array(object.destinations.length);
                    for (let i = 0; i < object.destinations.length; ++i)
                        message.destinations[i] = $String(object.destinations[i]);
                }
                if (object.inputSeq != null)
                    if (typeof object.inputSeq === "object" ? object.inputSeq.low || object.inputSeq.high : $Number(object.inputSeq) !== 0)
                        if ($util.Long)
                            message.inputSeq = $util.Long.fromValue(object.inputSeq, true);
                        else if (typeof object.inputSeq === "string")
                            message.inputSeq = $parseInt(object.inputSeq, 10);
                        else if (typeof object.inputSeq === "number")
                            message.inputSeq = object.inputSeq;
                        else if (typeof object.inputSeq === "object")
                            message.inputSeq = new $util.LongBits(object.inputSeq.low >>> 0, object.inputSeq.high >>> 0).toNumber(true);
                if (object.outputSeq != null)
                    if (typeof object.outputSeq === "object" ? object.outputSeq.low || object.outputSeq.high : $Number(object.outputSeq) !== 0)
                        if ($util.Long)
                            message.outputSeq = $util.Long.fromValue(object.outputSeq, true);
                        else if (typeof object.outputSeq === "string")
                            message.outputSeq = $parseInt(object.outputSeq, 10);
                        else if (typeof object.outputSeq === "number")
                            message.outputSeq = object.outputSeq;
                        else if (typeof object.outputSeq === "object")
                            message.outputSeq = new $util.LongBits(object.outputSeq.low >>> 0, object.outputSeq.high >>> 0).toNumber(true);
                if (object.receivedAtMs != null)
                    if (typeof object.receivedAtMs === "object" ? object.receivedAtMs.low || object.receivedAtMs.high : $Number(object.receivedAtMs) !== 0)
                        if ($util.Long)
                            message.receivedAtMs = $util.Long.fromValue(object.receivedAtMs, false);
                        else if (typeof object.receivedAtMs === "string")
                            message.receivedAtMs = $parseInt(object.receivedAtMs, 10);
                        else if (typeof object.receivedAtMs === "number")
                            message.receivedAtMs = object.receivedAtMs;
                        else if (typeof object.receivedAtMs === "object")
                            message.receivedAtMs = new $util.LongBits(object.receivedAtMs.low >>> 0, object.receivedAtMs.high >>> 0).toNumber();
                if (object.sentAtMs != null)
                    if (typeof object.sentAtMs === "object" ? object.sentAtMs.low || object.sentAtMs.high : $Number(object.sentAtMs) !== 0)
                        if ($util.Long)
                            message.sentAtMs = $util.Long.fromValue(object.sentAtMs, false);
                        else if (typeof object.sentAtMs === "string")
                            message.sentAtMs = $parseInt(object.sentAtMs, 10);
                        else if (typeof object.sentAtMs === "number")
                            message.sentAtMs = object.sentAtMs;
                        else if (typeof object.sentAtMs === "object")
                            message.sentAtMs = new $util.LongBits(object.sentAtMs.low >>> 0, object.sentAtMs.high >>> 0).toNumber();
                if (object.hops) {
                    if (!$Array.isArray(object.hops))
                        throw $TypeError(".clets.v1.Header.hops: array expected");
                    message.hops = $Array(object.hops.length);
                    for (let i = 0; i < object.hops.length; ++i) {
                        if (!$util.isObject(object.hops[i]))
                            throw $TypeError(".clets.v1.Header.hops: object expected");
                        message.hops[i] = $root.clets.v1.Hop.fromObject(object.hops[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a Header message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.Header
             * @static
             * @param {clets.v1.Header} message Header
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Header.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.destinations = [];
                    object.hops = [];
                }
                if (options.defaults) {
                    object.clientMessageId = "";
                    object.control = "";
                    object.messageKey = "";
                    object.ori = "";
                    object.terminal = "";
                    object.operatorId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.inputSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.inputSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.outputSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.outputSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.receivedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.receivedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.sentAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sentAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.clientMessageId != null && $Object.hasOwnProperty.call(message, "clientMessageId"))
                    object.clientMessageId = message.clientMessageId;
                if (message.control != null && $Object.hasOwnProperty.call(message, "control"))
                    object.control = message.control;
                if (message.messageKey != null && $Object.hasOwnProperty.call(message, "messageKey"))
                    object.messageKey = message.messageKey;
                if (message.ori != null && $Object.hasOwnProperty.call(message, "ori"))
                    object.ori = message.ori;
                if (message.terminal != null && $Object.hasOwnProperty.call(message, "terminal"))
                    object.terminal = message.terminal;
                if (message.operatorId != null && $Object.hasOwnProperty.call(message, "operatorId"))
                    object.operatorId = message.operatorId;
                if (message.destinations && message.destinations.length) {
                    object.destinations = $Array(message.destinations.length);
                    for (let j = 0; j < message.destinations.length; ++j)
                        object.destinations[j] = message.destinations[j];
                }
                if (message.inputSeq != null && $Object.hasOwnProperty.call(message, "inputSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.inputSeq = typeof message.inputSeq === "number" ? $BigInt(message.inputSeq) : $util.Long.fromBits(message.inputSeq.low >>> 0, message.inputSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.inputSeq === "number")
                        object.inputSeq = options.longs === $String ? $String(message.inputSeq) : message.inputSeq;
                    else
                        object.inputSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.inputSeq) : options.longs === $Number ? new $util.LongBits(message.inputSeq.low >>> 0, message.inputSeq.high >>> 0).toNumber(true) : message.inputSeq;
                if (message.outputSeq != null && $Object.hasOwnProperty.call(message, "outputSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.outputSeq = typeof message.outputSeq === "number" ? $BigInt(message.outputSeq) : $util.Long.fromBits(message.outputSeq.low >>> 0, message.outputSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.outputSeq === "number")
                        object.outputSeq = options.longs === $String ? $String(message.outputSeq) : message.outputSeq;
                    else
                        object.outputSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.outputSeq) : options.longs === $Number ? new $util.LongBits(message.outputSeq.low >>> 0, message.outputSeq.high >>> 0).toNumber(true) : message.outputSeq;
                if (message.receivedAtMs != null && $Object.hasOwnProperty.call(message, "receivedAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.receivedAtMs = typeof message.receivedAtMs === "number" ? $BigInt(message.receivedAtMs) : $util.Long.fromBits(message.receivedAtMs.low >>> 0, message.receivedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.receivedAtMs === "number")
                        object.receivedAtMs = options.longs === $String ? $String(message.receivedAtMs) : message.receivedAtMs;
                    else
                        object.receivedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.receivedAtMs) : options.longs === $Number ? new $util.LongBits(message.receivedAtMs.low >>> 0, message.receivedAtMs.high >>> 0).toNumber() : message.receivedAtMs;
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sentAtMs = typeof message.sentAtMs === "number" ? $BigInt(message.sentAtMs) : $util.Long.fromBits(message.sentAtMs.low >>> 0, message.sentAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.sentAtMs === "number")
                        object.sentAtMs = options.longs === $String ? $String(message.sentAtMs) : message.sentAtMs;
                    else
                        object.sentAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.sentAtMs) : options.longs === $Number ? new $util.LongBits(message.sentAtMs.low >>> 0, message.sentAtMs.high >>> 0).toNumber() : message.sentAtMs;
                if (message.hops && message.hops.length) {
                    object.hops = $Array(message.hops.length);
                    for (let j = 0; j < message.hops.length; ++j)
                        object.hops[j] = $root.clets.v1.Hop.toObject(message.hops[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this Header to JSON.
             * @function toJSON
             * @memberof clets.v1.Header
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Header.prototype.toJSON = function() {
                return Header.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Header;
        })();

        v1.TerminalHello = (function() {

            /**
             * Properties of a TerminalHello.
             * @typedef {Object} clets.v1.TerminalHello.$Properties
             * @property {string|null} [mnemonic] TerminalHello mnemonic
             * @property {string|null} [deviceSecret] TerminalHello deviceSecret
             * @property {string|null} [client] TerminalHello client
             * @property {number|null} [protocolVersion] TerminalHello protocolVersion
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TerminalHello.
             * @memberof clets.v1
             * @interface ITerminalHello
             * @augments clets.v1.TerminalHello.$Properties
             * @deprecated Use clets.v1.TerminalHello.$Properties instead.
             */

            /**
             * Shape of a TerminalHello.
             * @typedef {clets.v1.TerminalHello.$Properties} clets.v1.TerminalHello.$Shape
             */

            /**
             * Constructs a new TerminalHello.
             * @memberof clets.v1
             * @classdesc Represents a TerminalHello.
             * @constructor
             * @param {clets.v1.TerminalHello.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TerminalHello = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TerminalHello mnemonic.
             * @member {string} mnemonic
             * @memberof clets.v1.TerminalHello
             * @instance
             */
            TerminalHello.prototype.mnemonic = "";

            /**
             * TerminalHello deviceSecret.
             * @member {string} deviceSecret
             * @memberof clets.v1.TerminalHello
             * @instance
             */
            TerminalHello.prototype.deviceSecret = "";

            /**
             * TerminalHello client.
             * @member {string} client
             * @memberof clets.v1.TerminalHello
             * @instance
             */
            TerminalHello.prototype.client = "";

            /**
             * TerminalHello protocolVersion.
             * @member {number} protocolVersion
             * @memberof clets.v1.TerminalHello
             * @instance
             */
            TerminalHello.prototype.protocolVersion = 0;

            /**
             * Creates a new TerminalHello instance using the specified properties.
             * @function create
             * @memberof clets.v1.TerminalHello
             * @static
             * @param {clets.v1.TerminalHello.$Properties=} [properties] Properties to set
             * @returns {clets.v1.TerminalHello} TerminalHello instance
             * @type {{
             *   (properties: clets.v1.TerminalHello.$Shape): clets.v1.TerminalHello & clets.v1.TerminalHello.$Shape;
             *   (properties?: clets.v1.TerminalHello.$Properties): clets.v1.TerminalHello;
             * }}
             */
            TerminalHello.create = function(properties) {
                return new TerminalHello(properties);
            };

            /**
             * Encodes the specified TerminalHello message. Does not implicitly {@link clets.v1.TerminalHello.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.TerminalHello
             * @static
             * @param {clets.v1.TerminalHello.$Properties} message TerminalHello message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TerminalHello.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.mnemonic != null && $Object.hasOwnProperty.call(message, "mnemonic") && message.mnemonic !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.mnemonic);
                if (message.deviceSecret != null && $Object.hasOwnProperty.call(message, "deviceSecret") && message.deviceSecret !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.deviceSecret);
                if (message.client != null && $Object.hasOwnProperty.call(message, "client") && message.client !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.client);
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.protocolVersion);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a TerminalHello message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.TerminalHello
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.TerminalHello & clets.v1.TerminalHello.$Shape} TerminalHello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TerminalHello.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.TerminalHello();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.mnemonic = value;
                            else
                                delete message.mnemonic;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.deviceSecret = value;
                            else
                                delete message.deviceSecret;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.client = value;
                            else
                                delete message.client;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a TerminalHello message.
             * @function verify
             * @memberof clets.v1.TerminalHello
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TerminalHello.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.mnemonic != null && $Object.hasOwnProperty.call(message, "mnemonic"))
                    if (!$util.isString(message.mnemonic))
                        return "mnemonic: string expected";
                if (message.deviceSecret != null && $Object.hasOwnProperty.call(message, "deviceSecret"))
                    if (!$util.isString(message.deviceSecret))
                        return "deviceSecret: string expected";
                if (message.client != null && $Object.hasOwnProperty.call(message, "client"))
                    if (!$util.isString(message.client))
                        return "client: string expected";
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                return null;
            };

            /**
             * Creates a TerminalHello message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.TerminalHello
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.TerminalHello} TerminalHello
             */
            TerminalHello.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.TerminalHello)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.TerminalHello: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.TerminalHello();
                if (object.mnemonic != null)
                    if (typeof object.mnemonic !== "string" || object.mnemonic.length)
                        message.mnemonic = $String(object.mnemonic);
                if (object.deviceSecret != null)
                    if (typeof object.deviceSecret !== "string" || object.deviceSecret.length)
                        message.deviceSecret = $String(object.deviceSecret);
                if (object.client != null)
                    if (typeof object.client !== "string" || object.client.length)
                        message.client = $String(object.client);
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a TerminalHello message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.TerminalHello
             * @static
             * @param {clets.v1.TerminalHello} message TerminalHello
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TerminalHello.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.mnemonic = "";
                    object.deviceSecret = "";
                    object.client = "";
                    object.protocolVersion = 0;
                }
                if (message.mnemonic != null && $Object.hasOwnProperty.call(message, "mnemonic"))
                    object.mnemonic = message.mnemonic;
                if (message.deviceSecret != null && $Object.hasOwnProperty.call(message, "deviceSecret"))
                    object.deviceSecret = message.deviceSecret;
                if (message.client != null && $Object.hasOwnProperty.call(message, "client"))
                    object.client = message.client;
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                return object;
            };

            /**
             * Converts this TerminalHello to JSON.
             * @function toJSON
             * @memberof clets.v1.TerminalHello
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TerminalHello.prototype.toJSON = function() {
                return TerminalHello.toObject(this, $protobuf.util.toJSONOptions);
            };

            return TerminalHello;
        })();

        v1.LoginBanner = (function() {

            /**
             * Properties of a LoginBanner.
             * @typedef {Object} clets.v1.LoginBanner.$Properties
             * @property {string|null} [bannerId] LoginBanner bannerId
             * @property {Array.<string>|null} [statements] LoginBanner statements
             * @property {string|null} [text] LoginBanner text
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LoginBanner.
             * @memberof clets.v1
             * @interface ILoginBanner
             * @augments clets.v1.LoginBanner.$Properties
             * @deprecated Use clets.v1.LoginBanner.$Properties instead.
             */

            /**
             * Shape of a LoginBanner.
             * @typedef {clets.v1.LoginBanner.$Properties} clets.v1.LoginBanner.$Shape
             */

            /**
             * Constructs a new LoginBanner.
             * @memberof clets.v1
             * @classdesc Represents a LoginBanner.
             * @constructor
             * @param {clets.v1.LoginBanner.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LoginBanner = function (properties) {
                this.statements = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LoginBanner bannerId.
             * @member {string} bannerId
             * @memberof clets.v1.LoginBanner
             * @instance
             */
            LoginBanner.prototype.bannerId = "";

            /**
             * LoginBanner statements.
             * @member {Array.<string>} statements
             * @memberof clets.v1.LoginBanner
             * @instance
             */
            LoginBanner.prototype.statements = $util.emptyArray;

            /**
             * LoginBanner text.
             * @member {string} text
             * @memberof clets.v1.LoginBanner
             * @instance
             */
            LoginBanner.prototype.text = "";

            /**
             * Creates a new LoginBanner instance using the specified properties.
             * @function create
             * @memberof clets.v1.LoginBanner
             * @static
             * @param {clets.v1.LoginBanner.$Properties=} [properties] Properties to set
             * @returns {clets.v1.LoginBanner} LoginBanner instance
             * @type {{
             *   (properties: clets.v1.LoginBanner.$Shape): clets.v1.LoginBanner & clets.v1.LoginBanner.$Shape;
             *   (properties?: clets.v1.LoginBanner.$Properties): clets.v1.LoginBanner;
             * }}
             */
            LoginBanner.create = function(properties) {
                return new LoginBanner(properties);
            };

            /**
             * Encodes the specified LoginBanner message. Does not implicitly {@link clets.v1.LoginBanner.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.LoginBanner
             * @static
             * @param {clets.v1.LoginBanner.$Properties} message LoginBanner message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LoginBanner.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.bannerId != null && $Object.hasOwnProperty.call(message, "bannerId") && message.bannerId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.bannerId);
                if (message.statements != null && message.statements.length)
                    for (let i = 0; i < message.statements.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.statements[i]);
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.text);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a LoginBanner message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.LoginBanner
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.LoginBanner & clets.v1.LoginBanner.$Shape} LoginBanner
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LoginBanner.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.LoginBanner();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.bannerId = value;
                            else
                                delete message.bannerId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.statements && message.statements.length))
                                message.statements = [];
                            message.statements.push(reader.stringVerify());
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a LoginBanner message.
             * @function verify
             * @memberof clets.v1.LoginBanner
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LoginBanner.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.bannerId != null && $Object.hasOwnProperty.call(message, "bannerId"))
                    if (!$util.isString(message.bannerId))
                        return "bannerId: string expected";
                if (message.statements != null && $Object.hasOwnProperty.call(message, "statements")) {
                    if (!$Array.isArray(message.statements))
                        return "statements: array expected";
                    for (let i = 0; i < message.statements.length; ++i)
                        if (!$util.isString(message.statements[i]))
                            return "statements: string[] expected";
                }
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    if (!$util.isString(message.text))
                        return "text: string expected";
                return null;
            };

            /**
             * Creates a LoginBanner message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.LoginBanner
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.LoginBanner} LoginBanner
             */
            LoginBanner.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.LoginBanner)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.LoginBanner: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.LoginBanner();
                if (object.bannerId != null)
                    if (typeof object.bannerId !== "string" || object.bannerId.length)
                        message.bannerId = $String(object.bannerId);
                if (object.statements) {
                    if (!$Array.isArray(object.statements))
                        throw $TypeError(".clets.v1.LoginBanner.statements: array expected");
                    message.statements = $Array(object.statements.length);
                    for (let i = 0; i < object.statements.length; ++i)
                        message.statements[i] = $String(object.statements[i]);
                }
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                return message;
            };

            /**
             * Creates a plain object from a LoginBanner message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.LoginBanner
             * @static
             * @param {clets.v1.LoginBanner} message LoginBanner
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LoginBanner.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.statements = [];
                if (options.defaults) {
                    object.bannerId = "";
                    object.text = "";
                }
                if (message.bannerId != null && $Object.hasOwnProperty.call(message, "bannerId"))
                    object.bannerId = message.bannerId;
                if (message.statements && message.statements.length) {
                    object.statements = $Array(message.statements.length);
                    for (let j = 0; j < message.statements.length; ++j)
                        object.statements[j] = message.statements[j];
                }
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                return object;
            };

            /**
             * Converts this LoginBanner to JSON.
             * @function toJSON
             * @memberof clets.v1.LoginBanner
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LoginBanner.prototype.toJSON = function() {
                return LoginBanner.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LoginBanner;
        })();

        v1.BannerAck = (function() {

            /**
             * Properties of a BannerAck.
             * @typedef {Object} clets.v1.BannerAck.$Properties
             * @property {string|null} [bannerId] BannerAck bannerId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a BannerAck.
             * @memberof clets.v1
             * @interface IBannerAck
             * @augments clets.v1.BannerAck.$Properties
             * @deprecated Use clets.v1.BannerAck.$Properties instead.
             */

            /**
             * Shape of a BannerAck.
             * @typedef {clets.v1.BannerAck.$Properties} clets.v1.BannerAck.$Shape
             */

            /**
             * Constructs a new BannerAck.
             * @memberof clets.v1
             * @classdesc Represents a BannerAck.
             * @constructor
             * @param {clets.v1.BannerAck.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const BannerAck = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * BannerAck bannerId.
             * @member {string} bannerId
             * @memberof clets.v1.BannerAck
             * @instance
             */
            BannerAck.prototype.bannerId = "";

            /**
             * Creates a new BannerAck instance using the specified properties.
             * @function create
             * @memberof clets.v1.BannerAck
             * @static
             * @param {clets.v1.BannerAck.$Properties=} [properties] Properties to set
             * @returns {clets.v1.BannerAck} BannerAck instance
             * @type {{
             *   (properties: clets.v1.BannerAck.$Shape): clets.v1.BannerAck & clets.v1.BannerAck.$Shape;
             *   (properties?: clets.v1.BannerAck.$Properties): clets.v1.BannerAck;
             * }}
             */
            BannerAck.create = function(properties) {
                return new BannerAck(properties);
            };

            /**
             * Encodes the specified BannerAck message. Does not implicitly {@link clets.v1.BannerAck.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.BannerAck
             * @static
             * @param {clets.v1.BannerAck.$Properties} message BannerAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BannerAck.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.bannerId != null && $Object.hasOwnProperty.call(message, "bannerId") && message.bannerId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.bannerId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a BannerAck message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.BannerAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.BannerAck & clets.v1.BannerAck.$Shape} BannerAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BannerAck.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.BannerAck();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.bannerId = value;
                            else
                                delete message.bannerId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a BannerAck message.
             * @function verify
             * @memberof clets.v1.BannerAck
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            BannerAck.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.bannerId != null && $Object.hasOwnProperty.call(message, "bannerId"))
                    if (!$util.isString(message.bannerId))
                        return "bannerId: string expected";
                return null;
            };

            /**
             * Creates a BannerAck message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.BannerAck
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.BannerAck} BannerAck
             */
            BannerAck.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.BannerAck)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.BannerAck: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.BannerAck();
                if (object.bannerId != null)
                    if (typeof object.bannerId !== "string" || object.bannerId.length)
                        message.bannerId = $String(object.bannerId);
                return message;
            };

            /**
             * Creates a plain object from a BannerAck message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.BannerAck
             * @static
             * @param {clets.v1.BannerAck} message BannerAck
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            BannerAck.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.bannerId = "";
                if (message.bannerId != null && $Object.hasOwnProperty.call(message, "bannerId"))
                    object.bannerId = message.bannerId;
                return object;
            };

            /**
             * Converts this BannerAck to JSON.
             * @function toJSON
             * @memberof clets.v1.BannerAck
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            BannerAck.prototype.toJSON = function() {
                return BannerAck.toObject(this, $protobuf.util.toJSONOptions);
            };

            return BannerAck;
        })();

        v1.OperatorLogin = (function() {

            /**
             * Properties of an OperatorLogin.
             * @typedef {Object} clets.v1.OperatorLogin.$Properties
             * @property {string|null} [operatorId] OperatorLogin operatorId
             * @property {string|null} [password] OperatorLogin password
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an OperatorLogin.
             * @memberof clets.v1
             * @interface IOperatorLogin
             * @augments clets.v1.OperatorLogin.$Properties
             * @deprecated Use clets.v1.OperatorLogin.$Properties instead.
             */

            /**
             * Shape of an OperatorLogin.
             * @typedef {clets.v1.OperatorLogin.$Properties} clets.v1.OperatorLogin.$Shape
             */

            /**
             * Constructs a new OperatorLogin.
             * @memberof clets.v1
             * @classdesc Represents an OperatorLogin.
             * @constructor
             * @param {clets.v1.OperatorLogin.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const OperatorLogin = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * OperatorLogin operatorId.
             * @member {string} operatorId
             * @memberof clets.v1.OperatorLogin
             * @instance
             */
            OperatorLogin.prototype.operatorId = "";

            /**
             * OperatorLogin password.
             * @member {string} password
             * @memberof clets.v1.OperatorLogin
             * @instance
             */
            OperatorLogin.prototype.password = "";

            /**
             * Creates a new OperatorLogin instance using the specified properties.
             * @function create
             * @memberof clets.v1.OperatorLogin
             * @static
             * @param {clets.v1.OperatorLogin.$Properties=} [properties] Properties to set
             * @returns {clets.v1.OperatorLogin} OperatorLogin instance
             * @type {{
             *   (properties: clets.v1.OperatorLogin.$Shape): clets.v1.OperatorLogin & clets.v1.OperatorLogin.$Shape;
             *   (properties?: clets.v1.OperatorLogin.$Properties): clets.v1.OperatorLogin;
             * }}
             */
            OperatorLogin.create = function(properties) {
                return new OperatorLogin(properties);
            };

            /**
             * Encodes the specified OperatorLogin message. Does not implicitly {@link clets.v1.OperatorLogin.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.OperatorLogin
             * @static
             * @param {clets.v1.OperatorLogin.$Properties} message OperatorLogin message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OperatorLogin.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.operatorId != null && $Object.hasOwnProperty.call(message, "operatorId") && message.operatorId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.operatorId);
                if (message.password != null && $Object.hasOwnProperty.call(message, "password") && message.password !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.password);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an OperatorLogin message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.OperatorLogin
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.OperatorLogin & clets.v1.OperatorLogin.$Shape} OperatorLogin
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OperatorLogin.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.OperatorLogin();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.operatorId = value;
                            else
                                delete message.operatorId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.password = value;
                            else
                                delete message.password;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies an OperatorLogin message.
             * @function verify
             * @memberof clets.v1.OperatorLogin
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            OperatorLogin.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.operatorId != null && $Object.hasOwnProperty.call(message, "operatorId"))
                    if (!$util.isString(message.operatorId))
                        return "operatorId: string expected";
                if (message.password != null && $Object.hasOwnProperty.call(message, "password"))
                    if (!$util.isString(message.password))
                        return "password: string expected";
                return null;
            };

            /**
             * Creates an OperatorLogin message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.OperatorLogin
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.OperatorLogin} OperatorLogin
             */
            OperatorLogin.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.OperatorLogin)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.OperatorLogin: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.OperatorLogin();
                if (object.operatorId != null)
                    if (typeof object.operatorId !== "string" || object.operatorId.length)
                        message.operatorId = $String(object.operatorId);
                if (object.password != null)
                    if (typeof object.password !== "string" || object.password.length)
                        message.password = $String(object.password);
                return message;
            };

            /**
             * Creates a plain object from an OperatorLogin message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.OperatorLogin
             * @static
             * @param {clets.v1.OperatorLogin} message OperatorLogin
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            OperatorLogin.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.operatorId = "";
                    object.password = "";
                }
                if (message.operatorId != null && $Object.hasOwnProperty.call(message, "operatorId"))
                    object.operatorId = message.operatorId;
                if (message.password != null && $Object.hasOwnProperty.call(message, "password"))
                    object.password = message.password;
                return object;
            };

            /**
             * Converts this OperatorLogin to JSON.
             * @function toJSON
             * @memberof clets.v1.OperatorLogin
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            OperatorLogin.prototype.toJSON = function() {
                return OperatorLogin.toObject(this, $protobuf.util.toJSONOptions);
            };

            return OperatorLogin;
        })();

        v1.SecondFactorChallenge = (function() {

            /**
             * Properties of a SecondFactorChallenge.
             * @typedef {Object} clets.v1.SecondFactorChallenge.$Properties
             * @property {string|null} [method] SecondFactorChallenge method
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SecondFactorChallenge.
             * @memberof clets.v1
             * @interface ISecondFactorChallenge
             * @augments clets.v1.SecondFactorChallenge.$Properties
             * @deprecated Use clets.v1.SecondFactorChallenge.$Properties instead.
             */

            /**
             * Shape of a SecondFactorChallenge.
             * @typedef {clets.v1.SecondFactorChallenge.$Properties} clets.v1.SecondFactorChallenge.$Shape
             */

            /**
             * Constructs a new SecondFactorChallenge.
             * @memberof clets.v1
             * @classdesc Represents a SecondFactorChallenge.
             * @constructor
             * @param {clets.v1.SecondFactorChallenge.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SecondFactorChallenge = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SecondFactorChallenge method.
             * @member {string} method
             * @memberof clets.v1.SecondFactorChallenge
             * @instance
             */
            SecondFactorChallenge.prototype.method = "";

            /**
             * Creates a new SecondFactorChallenge instance using the specified properties.
             * @function create
             * @memberof clets.v1.SecondFactorChallenge
             * @static
             * @param {clets.v1.SecondFactorChallenge.$Properties=} [properties] Properties to set
             * @returns {clets.v1.SecondFactorChallenge} SecondFactorChallenge instance
             * @type {{
             *   (properties: clets.v1.SecondFactorChallenge.$Shape): clets.v1.SecondFactorChallenge & clets.v1.SecondFactorChallenge.$Shape;
             *   (properties?: clets.v1.SecondFactorChallenge.$Properties): clets.v1.SecondFactorChallenge;
             * }}
             */
            SecondFactorChallenge.create = function(properties) {
                return new SecondFactorChallenge(properties);
            };

            /**
             * Encodes the specified SecondFactorChallenge message. Does not implicitly {@link clets.v1.SecondFactorChallenge.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.SecondFactorChallenge
             * @static
             * @param {clets.v1.SecondFactorChallenge.$Properties} message SecondFactorChallenge message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SecondFactorChallenge.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.method != null && $Object.hasOwnProperty.call(message, "method") && message.method !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.method);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SecondFactorChallenge message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.SecondFactorChallenge
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.SecondFactorChallenge & clets.v1.SecondFactorChallenge.$Shape} SecondFactorChallenge
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SecondFactorChallenge.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.SecondFactorChallenge();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.method = value;
                            else
                                delete message.method;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a SecondFactorChallenge message.
             * @function verify
             * @memberof clets.v1.SecondFactorChallenge
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SecondFactorChallenge.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.method != null && $Object.hasOwnProperty.call(message, "method"))
                    if (!$util.isString(message.method))
                        return "method: string expected";
                return null;
            };

            /**
             * Creates a SecondFactorChallenge message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.SecondFactorChallenge
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.SecondFactorChallenge} SecondFactorChallenge
             */
            SecondFactorChallenge.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.SecondFactorChallenge)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.SecondFactorChallenge: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.SecondFactorChallenge();
                if (object.method != null)
                    if (typeof object.method !== "string" || object.method.length)
                        message.method = $String(object.method);
                return message;
            };

            /**
             * Creates a plain object from a SecondFactorChallenge message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.SecondFactorChallenge
             * @static
             * @param {clets.v1.SecondFactorChallenge} message SecondFactorChallenge
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SecondFactorChallenge.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.method = "";
                if (message.method != null && $Object.hasOwnProperty.call(message, "method"))
                    object.method = message.method;
                return object;
            };

            /**
             * Converts this SecondFactorChallenge to JSON.
             * @function toJSON
             * @memberof clets.v1.SecondFactorChallenge
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SecondFactorChallenge.prototype.toJSON = function() {
                return SecondFactorChallenge.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SecondFactorChallenge;
        })();

        v1.SecondFactorAnswer = (function() {

            /**
             * Properties of a SecondFactorAnswer.
             * @typedef {Object} clets.v1.SecondFactorAnswer.$Properties
             * @property {string|null} [code] SecondFactorAnswer code
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SecondFactorAnswer.
             * @memberof clets.v1
             * @interface ISecondFactorAnswer
             * @augments clets.v1.SecondFactorAnswer.$Properties
             * @deprecated Use clets.v1.SecondFactorAnswer.$Properties instead.
             */

            /**
             * Shape of a SecondFactorAnswer.
             * @typedef {clets.v1.SecondFactorAnswer.$Properties} clets.v1.SecondFactorAnswer.$Shape
             */

            /**
             * Constructs a new SecondFactorAnswer.
             * @memberof clets.v1
             * @classdesc Represents a SecondFactorAnswer.
             * @constructor
             * @param {clets.v1.SecondFactorAnswer.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SecondFactorAnswer = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SecondFactorAnswer code.
             * @member {string} code
             * @memberof clets.v1.SecondFactorAnswer
             * @instance
             */
            SecondFactorAnswer.prototype.code = "";

            /**
             * Creates a new SecondFactorAnswer instance using the specified properties.
             * @function create
             * @memberof clets.v1.SecondFactorAnswer
             * @static
             * @param {clets.v1.SecondFactorAnswer.$Properties=} [properties] Properties to set
             * @returns {clets.v1.SecondFactorAnswer} SecondFactorAnswer instance
             * @type {{
             *   (properties: clets.v1.SecondFactorAnswer.$Shape): clets.v1.SecondFactorAnswer & clets.v1.SecondFactorAnswer.$Shape;
             *   (properties?: clets.v1.SecondFactorAnswer.$Properties): clets.v1.SecondFactorAnswer;
             * }}
             */
            SecondFactorAnswer.create = function(properties) {
                return new SecondFactorAnswer(properties);
            };

            /**
             * Encodes the specified SecondFactorAnswer message. Does not implicitly {@link clets.v1.SecondFactorAnswer.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.SecondFactorAnswer
             * @static
             * @param {clets.v1.SecondFactorAnswer.$Properties} message SecondFactorAnswer message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SecondFactorAnswer.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SecondFactorAnswer message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.SecondFactorAnswer
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.SecondFactorAnswer & clets.v1.SecondFactorAnswer.$Shape} SecondFactorAnswer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SecondFactorAnswer.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.SecondFactorAnswer();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a SecondFactorAnswer message.
             * @function verify
             * @memberof clets.v1.SecondFactorAnswer
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SecondFactorAnswer.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    if (!$util.isString(message.code))
                        return "code: string expected";
                return null;
            };

            /**
             * Creates a SecondFactorAnswer message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.SecondFactorAnswer
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.SecondFactorAnswer} SecondFactorAnswer
             */
            SecondFactorAnswer.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.SecondFactorAnswer)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.SecondFactorAnswer: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.SecondFactorAnswer();
                if (object.code != null)
                    if (typeof object.code !== "string" || object.code.length)
                        message.code = $String(object.code);
                return message;
            };

            /**
             * Creates a plain object from a SecondFactorAnswer message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.SecondFactorAnswer
             * @static
             * @param {clets.v1.SecondFactorAnswer} message SecondFactorAnswer
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SecondFactorAnswer.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.code = "";
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                return object;
            };

            /**
             * Converts this SecondFactorAnswer to JSON.
             * @function toJSON
             * @memberof clets.v1.SecondFactorAnswer
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SecondFactorAnswer.prototype.toJSON = function() {
                return SecondFactorAnswer.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SecondFactorAnswer;
        })();

        v1.LoginResult = (function() {

            /**
             * Properties of a LoginResult.
             * @typedef {Object} clets.v1.LoginResult.$Properties
             * @property {boolean|null} [ok] LoginResult ok
             * @property {string|null} [code] LoginResult code
             * @property {string|null} [reason] LoginResult reason
             * @property {string|null} [operatorId] LoginResult operatorId
             * @property {string|null} [ori] LoginResult ori
             * @property {string|null} [terminal] LoginResult terminal
             * @property {string|null} [role] LoginResult role
             * @property {string|null} [sessionId] LoginResult sessionId
             * @property {number|null} [reauthenticateAtMs] LoginResult reauthenticateAtMs
             * @property {number|null} [messagesWaiting] LoginResult messagesWaiting
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LoginResult.
             * @memberof clets.v1
             * @interface ILoginResult
             * @augments clets.v1.LoginResult.$Properties
             * @deprecated Use clets.v1.LoginResult.$Properties instead.
             */

            /**
             * Shape of a LoginResult.
             * @typedef {clets.v1.LoginResult.$Properties} clets.v1.LoginResult.$Shape
             */

            /**
             * Constructs a new LoginResult.
             * @memberof clets.v1
             * @classdesc Represents a LoginResult.
             * @constructor
             * @param {clets.v1.LoginResult.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LoginResult = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LoginResult ok.
             * @member {boolean} ok
             * @memberof clets.v1.LoginResult
             * @instance
             */
            LoginResult.prototype.ok = false;

            /**
             * LoginResult code.
             * @member {string} code
             * @memberof clets.v1.LoginResult
             * @instance
             */
            LoginResult.prototype.code = "";

            /**
             * LoginResult reason.
             * @member {string} reason
             * @memberof clets.v1.LoginResult
             * @instance
             */
            LoginResult.prototype.reason = "";

            /**
             * LoginResult operatorId.
             * @member {string} operatorId
             * @memberof clets.v1.LoginResult
             * @instance
             */
            LoginResult.prototype.operatorId = "";

            /**
             * LoginResult ori.
             * @member {string} ori
             * @memberof clets.v1.LoginResult
             * @instance
             */
            LoginResult.prototype.ori = "";

            /**
             * LoginResult terminal.
             * @member {string} terminal
             * @memberof clets.v1.LoginResult
             * @instance
             */
            LoginResult.prototype.terminal = "";

            /**
             * LoginResult role.
             * @member {string} role
             * @memberof clets.v1.LoginResult
             * @instance
             */
            LoginResult.prototype.role = "";

            /**
             * LoginResult sessionId.
             * @member {string} sessionId
             * @memberof clets.v1.LoginResult
             * @instance
             */
            LoginResult.prototype.sessionId = "";

            /**
             * LoginResult reauthenticateAtMs.
             * @member {number} reauthenticateAtMs
             * @memberof clets.v1.LoginResult
             * @instance
             */
            LoginResult.prototype.reauthenticateAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * LoginResult messagesWaiting.
             * @member {number} messagesWaiting
             * @memberof clets.v1.LoginResult
             * @instance
             */
            LoginResult.prototype.messagesWaiting = 0;

            /**
             * Creates a new LoginResult instance using the specified properties.
             * @function create
             * @memberof clets.v1.LoginResult
             * @static
             * @param {clets.v1.LoginResult.$Properties=} [properties] Properties to set
             * @returns {clets.v1.LoginResult} LoginResult instance
             * @type {{
             *   (properties: clets.v1.LoginResult.$Shape): clets.v1.LoginResult & clets.v1.LoginResult.$Shape;
             *   (properties?: clets.v1.LoginResult.$Properties): clets.v1.LoginResult;
             * }}
             */
            LoginResult.create = function(properties) {
                return new LoginResult(properties);
            };

            /**
             * Encodes the specified LoginResult message. Does not implicitly {@link clets.v1.LoginResult.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.LoginResult
             * @static
             * @param {clets.v1.LoginResult.$Properties} message LoginResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LoginResult.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok") && message.ok !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.ok);
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.code);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.reason);
                if (message.operatorId != null && $Object.hasOwnProperty.call(message, "operatorId") && message.operatorId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.operatorId);
                if (message.ori != null && $Object.hasOwnProperty.call(message, "ori") && message.ori !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.ori);
                if (message.terminal != null && $Object.hasOwnProperty.call(message, "terminal") && message.terminal !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.terminal);
                if (message.role != null && $Object.hasOwnProperty.call(message, "role") && message.role !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.role);
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.sessionId);
                if (message.reauthenticateAtMs != null && $Object.hasOwnProperty.call(message, "reauthenticateAtMs") && (typeof message.reauthenticateAtMs === "object" ? message.reauthenticateAtMs.low || message.reauthenticateAtMs.high : message.reauthenticateAtMs !== 0))
                    writer.uint32(/* id 9, wireType 0 =*/72).int64(message.reauthenticateAtMs);
                if (message.messagesWaiting != null && $Object.hasOwnProperty.call(message, "messagesWaiting") && message.messagesWaiting !== 0)
                    writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.messagesWaiting);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a LoginResult message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.LoginResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.LoginResult & clets.v1.LoginResult.$Shape} LoginResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LoginResult.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.LoginResult();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.ok = value;
                            else
                                delete message.ok;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.operatorId = value;
                            else
                                delete message.operatorId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ori = value;
                            else
                                delete message.ori;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.terminal = value;
                            else
                                delete message.terminal;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.role = value;
                            else
                                delete message.role;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sessionId = value;
                            else
                                delete message.sessionId;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.reauthenticateAtMs = value;
                            else
                                delete message.reauthenticateAtMs;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.messagesWaiting = value;
                            else
                                delete message.messagesWaiting;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a LoginResult message.
             * @function verify
             * @memberof clets.v1.LoginResult
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LoginResult.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                    if (typeof message.ok !== "boolean")
                        return "ok: boolean expected";
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    if (!$util.isString(message.code))
                        return "code: string expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                if (message.operatorId != null && $Object.hasOwnProperty.call(message, "operatorId"))
                    if (!$util.isString(message.operatorId))
                        return "operatorId: string expected";
                if (message.ori != null && $Object.hasOwnProperty.call(message, "ori"))
                    if (!$util.isString(message.ori))
                        return "ori: string expected";
                if (message.terminal != null && $Object.hasOwnProperty.call(message, "terminal"))
                    if (!$util.isString(message.terminal))
                        return "terminal: string expected";
                if (message.role != null && $Object.hasOwnProperty.call(message, "role"))
                    if (!$util.isString(message.role))
                        return "role: string expected";
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    if (!$util.isString(message.sessionId))
                        return "sessionId: string expected";
                if (message.reauthenticateAtMs != null && $Object.hasOwnProperty.call(message, "reauthenticateAtMs"))
                    if (!$util.isInteger(message.reauthenticateAtMs) && !(message.reauthenticateAtMs && $util.isInteger(message.reauthenticateAtMs.low) && $util.isInteger(message.reauthenticateAtMs.high)))
                        return "reauthenticateAtMs: integer|Long expected";
                if (message.messagesWaiting != null && $Object.hasOwnProperty.call(message, "messagesWaiting"))
                    if (!$util.isInteger(message.messagesWaiting))
                        return "messagesWaiting: integer expected";
                return null;
            };

            /**
             * Creates a LoginResult message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.LoginResult
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.LoginResult} LoginResult
             */
            LoginResult.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.LoginResult)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.LoginResult: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.LoginResult();
                if (object.ok != null)
                    if (object.ok)
                        message.ok = $Boolean(object.ok);
                if (object.code != null)
                    if (typeof object.code !== "string" || object.code.length)
                        message.code = $String(object.code);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.operatorId != null)
                    if (typeof object.operatorId !== "string" || object.operatorId.length)
                        message.operatorId = $String(object.operatorId);
                if (object.ori != null)
                    if (typeof object.ori !== "string" || object.ori.length)
                        message.ori = $String(object.ori);
                if (object.terminal != null)
                    if (typeof object.terminal !== "string" || object.terminal.length)
                        message.terminal = $String(object.terminal);
                if (object.role != null)
                    if (typeof object.role !== "string" || object.role.length)
                        message.role = $String(object.role);
                if (object.sessionId != null)
                    if (typeof object.sessionId !== "string" || object.sessionId.length)
                        message.sessionId = $String(object.sessionId);
                if (object.reauthenticateAtMs != null)
                    if (typeof object.reauthenticateAtMs === "object" ? object.reauthenticateAtMs.low || object.reauthenticateAtMs.high : $Number(object.reauthenticateAtMs) !== 0)
                        if ($util.Long)
                            message.reauthenticateAtMs = $util.Long.fromValue(object.reauthenticateAtMs, false);
                        else if (typeof object.reauthenticateAtMs === "string")
                            message.reauthenticateAtMs = $parseInt(object.reauthenticateAtMs, 10);
                        else if (typeof object.reauthenticateAtMs === "number")
                            message.reauthenticateAtMs = object.reauthenticateAtMs;
                        else if (typeof object.reauthenticateAtMs === "object")
                            message.reauthenticateAtMs = new $util.LongBits(object.reauthenticateAtMs.low >>> 0, object.reauthenticateAtMs.high >>> 0).toNumber();
                if (object.messagesWaiting != null)
                    if ($Number(object.messagesWaiting) !== 0)
                        message.messagesWaiting = object.messagesWaiting >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a LoginResult message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.LoginResult
             * @static
             * @param {clets.v1.LoginResult} message LoginResult
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LoginResult.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.ok = false;
                    object.code = "";
                    object.reason = "";
                    object.operatorId = "";
                    object.ori = "";
                    object.terminal = "";
                    object.role = "";
                    object.sessionId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.reauthenticateAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.reauthenticateAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.messagesWaiting = 0;
                }
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                    object.ok = message.ok;
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.operatorId != null && $Object.hasOwnProperty.call(message, "operatorId"))
                    object.operatorId = message.operatorId;
                if (message.ori != null && $Object.hasOwnProperty.call(message, "ori"))
                    object.ori = message.ori;
                if (message.terminal != null && $Object.hasOwnProperty.call(message, "terminal"))
                    object.terminal = message.terminal;
                if (message.role != null && $Object.hasOwnProperty.call(message, "role"))
                    object.role = message.role;
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    object.sessionId = message.sessionId;
                if (message.reauthenticateAtMs != null && $Object.hasOwnProperty.call(message, "reauthenticateAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.reauthenticateAtMs = typeof message.reauthenticateAtMs === "number" ? $BigInt(message.reauthenticateAtMs) : $util.Long.fromBits(message.reauthenticateAtMs.low >>> 0, message.reauthenticateAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.reauthenticateAtMs === "number")
                        object.reauthenticateAtMs = options.longs === $String ? $String(message.reauthenticateAtMs) : message.reauthenticateAtMs;
                    else
                        object.reauthenticateAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.reauthenticateAtMs) : options.longs === $Number ? new $util.LongBits(message.reauthenticateAtMs.low >>> 0, message.reauthenticateAtMs.high >>> 0).toNumber() : message.reauthenticateAtMs;
                if (message.messagesWaiting != null && $Object.hasOwnProperty.call(message, "messagesWaiting"))
                    object.messagesWaiting = message.messagesWaiting;
                return object;
            };

            /**
             * Converts this LoginResult to JSON.
             * @function toJSON
             * @memberof clets.v1.LoginResult
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LoginResult.prototype.toJSON = function() {
                return LoginResult.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LoginResult;
        })();

        v1.Logout = (function() {

            /**
             * Properties of a Logout.
             * @typedef {Object} clets.v1.Logout.$Properties
             * @property {string|null} [reason] Logout reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Logout.
             * @memberof clets.v1
             * @interface ILogout
             * @augments clets.v1.Logout.$Properties
             * @deprecated Use clets.v1.Logout.$Properties instead.
             */

            /**
             * Shape of a Logout.
             * @typedef {clets.v1.Logout.$Properties} clets.v1.Logout.$Shape
             */

            /**
             * Constructs a new Logout.
             * @memberof clets.v1
             * @classdesc Represents a Logout.
             * @constructor
             * @param {clets.v1.Logout.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Logout = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Logout reason.
             * @member {string} reason
             * @memberof clets.v1.Logout
             * @instance
             */
            Logout.prototype.reason = "";

            /**
             * Creates a new Logout instance using the specified properties.
             * @function create
             * @memberof clets.v1.Logout
             * @static
             * @param {clets.v1.Logout.$Properties=} [properties] Properties to set
             * @returns {clets.v1.Logout} Logout instance
             * @type {{
             *   (properties: clets.v1.Logout.$Shape): clets.v1.Logout & clets.v1.Logout.$Shape;
             *   (properties?: clets.v1.Logout.$Properties): clets.v1.Logout;
             * }}
             */
            Logout.create = function(properties) {
                return new Logout(properties);
            };

            /**
             * Encodes the specified Logout message. Does not implicitly {@link clets.v1.Logout.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.Logout
             * @static
             * @param {clets.v1.Logout.$Properties} message Logout message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Logout.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Logout message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.Logout
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.Logout & clets.v1.Logout.$Shape} Logout
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Logout.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.Logout();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a Logout message.
             * @function verify
             * @memberof clets.v1.Logout
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Logout.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                return null;
            };

            /**
             * Creates a Logout message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.Logout
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.Logout} Logout
             */
            Logout.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.Logout)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.Logout: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.Logout();
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                return message;
            };

            /**
             * Creates a plain object from a Logout message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.Logout
             * @static
             * @param {clets.v1.Logout} message Logout
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Logout.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.reason = "";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                return object;
            };

            /**
             * Converts this Logout to JSON.
             * @function toJSON
             * @memberof clets.v1.Logout
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Logout.prototype.toJSON = function() {
                return Logout.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Logout;
        })();

        v1.Heartbeat = (function() {

            /**
             * Properties of a Heartbeat.
             * @typedef {Object} clets.v1.Heartbeat.$Properties
             * @property {number|null} [nonce] Heartbeat nonce
             * @property {number|null} [sentAtMs] Heartbeat sentAtMs
             * @property {boolean|null} [reply] Heartbeat reply
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Heartbeat.
             * @memberof clets.v1
             * @interface IHeartbeat
             * @augments clets.v1.Heartbeat.$Properties
             * @deprecated Use clets.v1.Heartbeat.$Properties instead.
             */

            /**
             * Shape of a Heartbeat.
             * @typedef {clets.v1.Heartbeat.$Properties} clets.v1.Heartbeat.$Shape
             */

            /**
             * Constructs a new Heartbeat.
             * @memberof clets.v1
             * @classdesc Represents a Heartbeat.
             * @constructor
             * @param {clets.v1.Heartbeat.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Heartbeat = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Heartbeat nonce.
             * @member {number} nonce
             * @memberof clets.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.nonce = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Heartbeat sentAtMs.
             * @member {number} sentAtMs
             * @memberof clets.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.sentAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Heartbeat reply.
             * @member {boolean} reply
             * @memberof clets.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.reply = false;

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @function create
             * @memberof clets.v1.Heartbeat
             * @static
             * @param {clets.v1.Heartbeat.$Properties=} [properties] Properties to set
             * @returns {clets.v1.Heartbeat} Heartbeat instance
             * @type {{
             *   (properties: clets.v1.Heartbeat.$Shape): clets.v1.Heartbeat & clets.v1.Heartbeat.$Shape;
             *   (properties?: clets.v1.Heartbeat.$Properties): clets.v1.Heartbeat;
             * }}
             */
            Heartbeat.create = function(properties) {
                return new Heartbeat(properties);
            };

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link clets.v1.Heartbeat.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.Heartbeat
             * @static
             * @param {clets.v1.Heartbeat.$Properties} message Heartbeat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Heartbeat.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && (typeof message.nonce === "object" ? message.nonce.low || message.nonce.high : message.nonce !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.nonce);
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs") && (typeof message.sentAtMs === "object" ? message.sentAtMs.low || message.sentAtMs.high : message.sentAtMs !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).int64(message.sentAtMs);
                if (message.reply != null && $Object.hasOwnProperty.call(message, "reply") && message.reply !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.reply);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.Heartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.Heartbeat & clets.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Heartbeat.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.Heartbeat();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.nonce = value;
                            else
                                delete message.nonce;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.sentAtMs = value;
                            else
                                delete message.sentAtMs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.reply = value;
                            else
                                delete message.reply;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a Heartbeat message.
             * @function verify
             * @memberof clets.v1.Heartbeat
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Heartbeat.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                    if (!$util.isInteger(message.nonce) && !(message.nonce && $util.isInteger(message.nonce.low) && $util.isInteger(message.nonce.high)))
                        return "nonce: integer|Long expected";
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs"))
                    if (!$util.isInteger(message.sentAtMs) && !(message.sentAtMs && $util.isInteger(message.sentAtMs.low) && $util.isInteger(message.sentAtMs.high)))
                        return "sentAtMs: integer|Long expected";
                if (message.reply != null && $Object.hasOwnProperty.call(message, "reply"))
                    if (typeof message.reply !== "boolean")
                        return "reply: boolean expected";
                return null;
            };

            /**
             * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.Heartbeat
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.Heartbeat} Heartbeat
             */
            Heartbeat.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.Heartbeat)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.Heartbeat: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.Heartbeat();
                if (object.nonce != null)
                    if (typeof object.nonce === "object" ? object.nonce.low || object.nonce.high : $Number(object.nonce) !== 0)
                        if ($util.Long)
                            message.nonce = $util.Long.fromValue(object.nonce, true);
                        else if (typeof object.nonce === "string")
                            message.nonce = $parseInt(object.nonce, 10);
                        else if (typeof object.nonce === "number")
                            message.nonce = object.nonce;
                        else if (typeof object.nonce === "object")
                            message.nonce = new $util.LongBits(object.nonce.low >>> 0, object.nonce.high >>> 0).toNumber(true);
                if (object.sentAtMs != null)
                    if (typeof object.sentAtMs === "object" ? object.sentAtMs.low || object.sentAtMs.high : $Number(object.sentAtMs) !== 0)
                        if ($util.Long)
                            message.sentAtMs = $util.Long.fromValue(object.sentAtMs, false);
                        else if (typeof object.sentAtMs === "string")
                            message.sentAtMs = $parseInt(object.sentAtMs, 10);
                        else if (typeof object.sentAtMs === "number")
                            message.sentAtMs = object.sentAtMs;
                        else if (typeof object.sentAtMs === "object")
                            message.sentAtMs = new $util.LongBits(object.sentAtMs.low >>> 0, object.sentAtMs.high >>> 0).toNumber();
                if (object.reply != null)
                    if (object.reply)
                        message.reply = $Boolean(object.reply);
                return message;
            };

            /**
             * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.Heartbeat
             * @static
             * @param {clets.v1.Heartbeat} message Heartbeat
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Heartbeat.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.nonce = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.nonce = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.sentAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sentAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.reply = false;
                }
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.nonce = typeof message.nonce === "number" ? $BigInt(message.nonce) : $util.Long.fromBits(message.nonce.low >>> 0, message.nonce.high >>> 0, true).toBigInt();
                    else if (typeof message.nonce === "number")
                        object.nonce = options.longs === $String ? $String(message.nonce) : message.nonce;
                    else
                        object.nonce = options.longs === $String ? $util.Long.prototype.toString.call(message.nonce) : options.longs === $Number ? new $util.LongBits(message.nonce.low >>> 0, message.nonce.high >>> 0).toNumber(true) : message.nonce;
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sentAtMs = typeof message.sentAtMs === "number" ? $BigInt(message.sentAtMs) : $util.Long.fromBits(message.sentAtMs.low >>> 0, message.sentAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.sentAtMs === "number")
                        object.sentAtMs = options.longs === $String ? $String(message.sentAtMs) : message.sentAtMs;
                    else
                        object.sentAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.sentAtMs) : options.longs === $Number ? new $util.LongBits(message.sentAtMs.low >>> 0, message.sentAtMs.high >>> 0).toNumber() : message.sentAtMs;
                if (message.reply != null && $Object.hasOwnProperty.call(message, "reply"))
                    object.reply = message.reply;
                return object;
            };

            /**
             * Converts this Heartbeat to JSON.
             * @function toJSON
             * @memberof clets.v1.Heartbeat
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Heartbeat.prototype.toJSON = function() {
                return Heartbeat.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Heartbeat;
        })();

        v1.Transaction = (function() {

            /**
             * Properties of a Transaction.
             * @typedef {Object} clets.v1.Transaction.$Properties
             * @property {clets.v1.Header.$Properties|null} [header] Transaction header
             * @property {clets.v1.RouteTo.$Properties|null} [routeTo] Transaction routeTo
             * @property {Array.<clets.v1.Field.$Properties>|null} [fields] Transaction fields
             * @property {string|null} [text] Transaction text
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Transaction.
             * @memberof clets.v1
             * @interface ITransaction
             * @augments clets.v1.Transaction.$Properties
             * @deprecated Use clets.v1.Transaction.$Properties instead.
             */

            /**
             * Shape of a Transaction.
             * @typedef {clets.v1.Transaction.$Properties} clets.v1.Transaction.$Shape
             */

            /**
             * Constructs a new Transaction.
             * @memberof clets.v1
             * @classdesc Represents a Transaction.
             * @constructor
             * @param {clets.v1.Transaction.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Transaction = function (properties) {
                this.fields = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Transaction header.
             * @member {clets.v1.Header.$Properties|null|undefined} header
             * @memberof clets.v1.Transaction
             * @instance
             */
            Transaction.prototype.header = null;

            /**
             * Transaction routeTo.
             * @member {clets.v1.RouteTo.$Properties|null|undefined} routeTo
             * @memberof clets.v1.Transaction
             * @instance
             */
            Transaction.prototype.routeTo = null;

            /**
             * Transaction fields.
             * @member {Array.<clets.v1.Field.$Properties>} fields
             * @memberof clets.v1.Transaction
             * @instance
             */
            Transaction.prototype.fields = $util.emptyArray;

            /**
             * Transaction text.
             * @member {string} text
             * @memberof clets.v1.Transaction
             * @instance
             */
            Transaction.prototype.text = "";

            /**
             * Creates a new Transaction instance using the specified properties.
             * @function create
             * @memberof clets.v1.Transaction
             * @static
             * @param {clets.v1.Transaction.$Properties=} [properties] Properties to set
             * @returns {clets.v1.Transaction} Transaction instance
             * @type {{
             *   (properties: clets.v1.Transaction.$Shape): clets.v1.Transaction & clets.v1.Transaction.$Shape;
             *   (properties?: clets.v1.Transaction.$Properties): clets.v1.Transaction;
             * }}
             */
            Transaction.create = function(properties) {
                return new Transaction(properties);
            };

            /**
             * Encodes the specified Transaction message. Does not implicitly {@link clets.v1.Transaction.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.Transaction
             * @static
             * @param {clets.v1.Transaction.$Properties} message Transaction message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Transaction.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    $root.clets.v1.Header.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.routeTo != null && $Object.hasOwnProperty.call(message, "routeTo"))
                    $root.clets.v1.RouteTo.encode(message.routeTo, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.fields != null && message.fields.length)
                    for (let i = 0; i < message.fields.length; ++i)
                        $root.clets.v1.Field.encode(message.fields[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.text);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Transaction message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.Transaction
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.Transaction & clets.v1.Transaction.$Shape} Transaction
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Transaction.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.Transaction();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.header = $root.clets.v1.Header.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.routeTo = $root.clets.v1.RouteTo.decode(reader, reader.size(), $undefined, _depth + 1, message.routeTo);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.fields && message.fields.length))
                                message.fields = [];
                            message.fields.push($root.clets.v1.Field.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a Transaction message.
             * @function verify
             * @memberof clets.v1.Transaction
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Transaction.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.header != null && $Object.hasOwnProperty.call(message, "header")) {
                    let error = $root.clets.v1.Header.verify(message.header, _depth + 1);
                    if (error)
                        return "header." + error;
                }
                if (message.routeTo != null && $Object.hasOwnProperty.call(message, "routeTo")) {
                    let error = $root.clets.v1.RouteTo.verify(message.routeTo, _depth + 1);
                    if (error)
                        return "routeTo." + error;
                }
                if (message.fields != null && $Object.hasOwnProperty.call(message, "fields")) {
                    if (!$Array.isArray(message.fields))
                        return "fields: array expected";
                    for (let i = 0; i < message.fields.length; ++i) {
                        let error = $root.clets.v1.Field.verify(message.fields[i], _depth + 1);
                        if (error)
                            return "fields." + error;
                    }
                }
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    if (!$util.isString(message.text))
                        return "text: string expected";
                return null;
            };

            /**
             * Creates a Transaction message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.Transaction
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.Transaction} Transaction
             */
            Transaction.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.Transaction)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.Transaction: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.Transaction();
                if (object.header != null) {
                    if (!$util.isObject(object.header))
                        throw $TypeError(".clets.v1.Transaction.header: object expected");
                    message.header = $root.clets.v1.Header.fromObject(object.header, _depth + 1);
                }
                if (object.routeTo != null) {
                    if (!$util.isObject(object.routeTo))
                        throw $TypeError(".clets.v1.Transaction.routeTo: object expected");
                    message.routeTo = $root.clets.v1.RouteTo.fromObject(object.routeTo, _depth + 1);
                }
                if (object.fields) {
                    if (!$Array.isArray(object.fields))
                        throw $TypeError(".clets.v1.Transaction.fields: array expected");
                    message.fields = $Array(object.fields.length);
                    for (let i = 0; i < object.fields.length; ++i) {
                        if (!$util.isObject(object.fields[i]))
                            throw $TypeError(".clets.v1.Transaction.fields: object expected");
                        message.fields[i] = $root.clets.v1.Field.fromObject(object.fields[i], _depth + 1);
                    }
                }
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                return message;
            };

            /**
             * Creates a plain object from a Transaction message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.Transaction
             * @static
             * @param {clets.v1.Transaction} message Transaction
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Transaction.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.fields = [];
                if (options.defaults) {
                    object.header = null;
                    object.routeTo = null;
                    object.text = "";
                }
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    object.header = $root.clets.v1.Header.toObject(message.header, options, _depth + 1);
                if (message.routeTo != null && $Object.hasOwnProperty.call(message, "routeTo"))
                    object.routeTo = $root.clets.v1.RouteTo.toObject(message.routeTo, options, _depth + 1);
                if (message.fields && message.fields.length) {
                    object.fields = $Array(message.fields.length);
                    for (let j = 0; j < message.fields.length; ++j)
                        object.fields[j] = $root.clets.v1.Field.toObject(message.fields[j], options, _depth + 1);
                }
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                return object;
            };

            /**
             * Converts this Transaction to JSON.
             * @function toJSON
             * @memberof clets.v1.Transaction
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Transaction.prototype.toJSON = function() {
                return Transaction.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Transaction;
        })();

        v1.Receipt = (function() {

            /**
             * Properties of a Receipt.
             * @typedef {Object} clets.v1.Receipt.$Properties
             * @property {clets.v1.Header.$Properties|null} [header] Receipt header
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Receipt.
             * @memberof clets.v1
             * @interface IReceipt
             * @augments clets.v1.Receipt.$Properties
             * @deprecated Use clets.v1.Receipt.$Properties instead.
             */

            /**
             * Shape of a Receipt.
             * @typedef {clets.v1.Receipt.$Properties} clets.v1.Receipt.$Shape
             */

            /**
             * Constructs a new Receipt.
             * @memberof clets.v1
             * @classdesc Represents a Receipt.
             * @constructor
             * @param {clets.v1.Receipt.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Receipt = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Receipt header.
             * @member {clets.v1.Header.$Properties|null|undefined} header
             * @memberof clets.v1.Receipt
             * @instance
             */
            Receipt.prototype.header = null;

            /**
             * Creates a new Receipt instance using the specified properties.
             * @function create
             * @memberof clets.v1.Receipt
             * @static
             * @param {clets.v1.Receipt.$Properties=} [properties] Properties to set
             * @returns {clets.v1.Receipt} Receipt instance
             * @type {{
             *   (properties: clets.v1.Receipt.$Shape): clets.v1.Receipt & clets.v1.Receipt.$Shape;
             *   (properties?: clets.v1.Receipt.$Properties): clets.v1.Receipt;
             * }}
             */
            Receipt.create = function(properties) {
                return new Receipt(properties);
            };

            /**
             * Encodes the specified Receipt message. Does not implicitly {@link clets.v1.Receipt.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.Receipt
             * @static
             * @param {clets.v1.Receipt.$Properties} message Receipt message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Receipt.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    $root.clets.v1.Header.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Receipt message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.Receipt
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.Receipt & clets.v1.Receipt.$Shape} Receipt
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Receipt.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.Receipt();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.header = $root.clets.v1.Header.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a Receipt message.
             * @function verify
             * @memberof clets.v1.Receipt
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Receipt.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.header != null && $Object.hasOwnProperty.call(message, "header")) {
                    let error = $root.clets.v1.Header.verify(message.header, _depth + 1);
                    if (error)
                        return "header." + error;
                }
                return null;
            };

            /**
             * Creates a Receipt message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.Receipt
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.Receipt} Receipt
             */
            Receipt.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.Receipt)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.Receipt: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.Receipt();
                if (object.header != null) {
                    if (!$util.isObject(object.header))
                        throw $TypeError(".clets.v1.Receipt.header: object expected");
                    message.header = $root.clets.v1.Header.fromObject(object.header, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a Receipt message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.Receipt
             * @static
             * @param {clets.v1.Receipt} message Receipt
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Receipt.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.header = null;
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    object.header = $root.clets.v1.Header.toObject(message.header, options, _depth + 1);
                return object;
            };

            /**
             * Converts this Receipt to JSON.
             * @function toJSON
             * @memberof clets.v1.Receipt
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Receipt.prototype.toJSON = function() {
                return Receipt.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Receipt;
        })();

        /**
         * HitStatus enum.
         * @name clets.v1.HitStatus
         * @enum {number}
         * @property {number} HIT_STATUS_UNSPECIFIED=0 HIT_STATUS_UNSPECIFIED value
         * @property {number} HIT_STATUS_NO_RECORD=1 HIT_STATUS_NO_RECORD value
         * @property {number} HIT_STATUS_HIT=2 HIT_STATUS_HIT value
         * @property {number} HIT_STATUS_POSSIBLE=3 HIT_STATUS_POSSIBLE value
         * @property {number} HIT_STATUS_ACKNOWLEDGED=4 HIT_STATUS_ACKNOWLEDGED value
         */
        v1.HitStatus = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "HIT_STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "HIT_STATUS_NO_RECORD"] = 1;
            values[valuesById[2] = "HIT_STATUS_HIT"] = 2;
            values[valuesById[3] = "HIT_STATUS_POSSIBLE"] = 3;
            values[valuesById[4] = "HIT_STATUS_ACKNOWLEDGED"] = 4;
            return values;
        })();

        v1.Record = (function() {

            /**
             * Properties of a Record.
             * @typedef {Object} clets.v1.Record.$Properties
             * @property {clets.v1.HitStatus|null} [status] Record status
             * @property {string|null} [system] Record system
             * @property {string|null} [file] Record file
             * @property {string|null} [recordId] Record recordId
             * @property {string|null} [enteringOri] Record enteringOri
             * @property {Array.<clets.v1.Field.$Properties>|null} [fields] Record fields
             * @property {string|null} [text] Record text
             * @property {string|null} [source] Record source
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Record.
             * @memberof clets.v1
             * @interface IRecord
             * @augments clets.v1.Record.$Properties
             * @deprecated Use clets.v1.Record.$Properties instead.
             */

            /**
             * Shape of a Record.
             * @typedef {clets.v1.Record.$Properties} clets.v1.Record.$Shape
             */

            /**
             * Constructs a new Record.
             * @memberof clets.v1
             * @classdesc Represents a Record.
             * @constructor
             * @param {clets.v1.Record.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Record = function (properties) {
                this.fields = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Record status.
             * @member {clets.v1.HitStatus} status
             * @memberof clets.v1.Record
             * @instance
             */
            Record.prototype.status = 0;

            /**
             * Record system.
             * @member {string} system
             * @memberof clets.v1.Record
             * @instance
             */
            Record.prototype.system = "";

            /**
             * Record file.
             * @member {string} file
             * @memberof clets.v1.Record
             * @instance
             */
            Record.prototype.file = "";

            /**
             * Record recordId.
             * @member {string} recordId
             * @memberof clets.v1.Record
             * @instance
             */
            Record.prototype.recordId = "";

            /**
             * Record enteringOri.
             * @member {string} enteringOri
             * @memberof clets.v1.Record
             * @instance
             */
            Record.prototype.enteringOri = "";

            /**
             * Record fields.
             * @member {Array.<clets.v1.Field.$Properties>} fields
             * @memberof clets.v1.Record
             * @instance
             */
            Record.prototype.fields = $util.emptyArray;

            /**
             * Record text.
             * @member {string} text
             * @memberof clets.v1.Record
             * @instance
             */
            Record.prototype.text = "";

            /**
             * Record source.
             * @member {string} source
             * @memberof clets.v1.Record
             * @instance
             */
            Record.prototype.source = "";

            /**
             * Creates a new Record instance using the specified properties.
             * @function create
             * @memberof clets.v1.Record
             * @static
             * @param {clets.v1.Record.$Properties=} [properties] Properties to set
             * @returns {clets.v1.Record} Record instance
             * @type {{
             *   (properties: clets.v1.Record.$Shape): clets.v1.Record & clets.v1.Record.$Shape;
             *   (properties?: clets.v1.Record.$Properties): clets.v1.Record;
             * }}
             */
            Record.create = function(properties) {
                return new Record(properties);
            };

            /**
             * Encodes the specified Record message. Does not implicitly {@link clets.v1.Record.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.Record
             * @static
             * @param {clets.v1.Record.$Properties} message Record message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Record.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.status);
                if (message.system != null && $Object.hasOwnProperty.call(message, "system") && message.system !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.system);
                if (message.file != null && $Object.hasOwnProperty.call(message, "file") && message.file !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.file);
                if (message.recordId != null && $Object.hasOwnProperty.call(message, "recordId") && message.recordId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.recordId);
                if (message.enteringOri != null && $Object.hasOwnProperty.call(message, "enteringOri") && message.enteringOri !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.enteringOri);
                if (message.fields != null && message.fields.length)
                    for (let i = 0; i < message.fields.length; ++i)
                        $root.clets.v1.Field.encode(message.fields[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.text);
                if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.source);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Record message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.Record
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.Record & clets.v1.Record.$Shape} Record
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Record.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.Record();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.system = value;
                            else
                                delete message.system;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.file = value;
                            else
                                delete message.file;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.recordId = value;
                            else
                                delete message.recordId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.enteringOri = value;
                            else
                                delete message.enteringOri;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (!(message.fields && message.fields.length))
                                message.fields = [];
                            message.fields.push($root.clets.v1.Field.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.source = value;
                            else
                                delete message.source;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a Record message.
             * @function verify
             * @memberof clets.v1.Record
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Record.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    if (typeof message.status !== "number" || (message.status | 0) !== message.status)
                        return "status: enum value expected";
                if (message.system != null && $Object.hasOwnProperty.call(message, "system"))
                    if (!$util.isString(message.system))
                        return "system: string expected";
                if (message.file != null && $Object.hasOwnProperty.call(message, "file"))
                    if (!$util.isString(message.file))
                        return "file: string expected";
                if (message.recordId != null && $Object.hasOwnProperty.call(message, "recordId"))
                    if (!$util.isString(message.recordId))
                        return "recordId: string expected";
                if (message.enteringOri != null && $Object.hasOwnProperty.call(message, "enteringOri"))
                    if (!$util.isString(message.enteringOri))
                        return "enteringOri: string expected";
                if (message.fields != null && $Object.hasOwnProperty.call(message, "fields")) {
                    if (!$Array.isArray(message.fields))
                        return "fields: array expected";
                    for (let i = 0; i < message.fields.length; ++i) {
                        let error = $root.clets.v1.Field.verify(message.fields[i], _depth + 1);
                        if (error)
                            return "fields." + error;
                    }
                }
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    if (!$util.isString(message.text))
                        return "text: string expected";
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    if (!$util.isString(message.source))
                        return "source: string expected";
                return null;
            };

            /**
             * Creates a Record message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.Record
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.Record} Record
             */
            Record.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.Record)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.Record: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.Record();
                if (object.status !== 0 && (typeof object.status !== "string" || $root.clets.v1.HitStatus[object.status] !== 0))
                    switch (object.status) {
                    case "HIT_STATUS_UNSPECIFIED":
                    case 0:
                        message.status = 0;
                        break;
                    case "HIT_STATUS_NO_RECORD":
                    case 1:
                        message.status = 1;
                        break;
                    case "HIT_STATUS_HIT":
                    case 2:
                        message.status = 2;
                        break;
                    case "HIT_STATUS_POSSIBLE":
                    case 3:
                        message.status = 3;
                        break;
                    case "HIT_STATUS_ACKNOWLEDGED":
                    case 4:
                        message.status = 4;
                        break;
                    default:
                        if (typeof object.status === "number" && (object.status | 0) === object.status)
                            message.status = object.status;
                    }
                if (object.system != null)
                    if (typeof object.system !== "string" || object.system.length)
                        message.system = $String(object.system);
                if (object.file != null)
                    if (typeof object.file !== "string" || object.file.length)
                        message.file = $String(object.file);
                if (object.recordId != null)
                    if (typeof object.recordId !== "string" || object.recordId.length)
                        message.recordId = $String(object.recordId);
                if (object.enteringOri != null)
                    if (typeof object.enteringOri !== "string" || object.enteringOri.length)
                        message.enteringOri = $String(object.enteringOri);
                if (object.fields) {
                    if (!$Array.isArray(object.fields))
                        throw $TypeError(".clets.v1.Record.fields: array expected");
                    message.fields = $Array(object.fields.length);
                    for (let i = 0; i < object.fields.length; ++i) {
                        if (!$util.isObject(object.fields[i]))
                            throw $TypeError(".clets.v1.Record.fields: object expected");
                        message.fields[i] = $root.clets.v1.Field.fromObject(object.fields[i], _depth + 1);
                    }
                }
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                if (object.source != null)
                    if (typeof object.source !== "string" || object.source.length)
                        message.source = $String(object.source);
                return message;
            };

            /**
             * Creates a plain object from a Record message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.Record
             * @static
             * @param {clets.v1.Record} message Record
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Record.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.fields = [];
                if (options.defaults) {
                    object.status = options.enums === $String ? "HIT_STATUS_UNSPECIFIED" : 0;
                    object.system = "";
                    object.file = "";
                    object.recordId = "";
                    object.enteringOri = "";
                    object.text = "";
                    object.source = "";
                }
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === $String ? $root.clets.v1.HitStatus[message.status] === $undefined ? message.status : $root.clets.v1.HitStatus[message.status] : message.status;
                if (message.system != null && $Object.hasOwnProperty.call(message, "system"))
                    object.system = message.system;
                if (message.file != null && $Object.hasOwnProperty.call(message, "file"))
                    object.file = message.file;
                if (message.recordId != null && $Object.hasOwnProperty.call(message, "recordId"))
                    object.recordId = message.recordId;
                if (message.enteringOri != null && $Object.hasOwnProperty.call(message, "enteringOri"))
                    object.enteringOri = message.enteringOri;
                if (message.fields && message.fields.length) {
                    object.fields = $Array(message.fields.length);
                    for (let j = 0; j < message.fields.length; ++j)
                        object.fields[j] = $root.clets.v1.Field.toObject(message.fields[j], options, _depth + 1);
                }
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    object.source = message.source;
                return object;
            };

            /**
             * Converts this Record to JSON.
             * @function toJSON
             * @memberof clets.v1.Record
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Record.prototype.toJSON = function() {
                return Record.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Record;
        })();

        v1.Response = (function() {

            /**
             * Properties of a Response.
             * @typedef {Object} clets.v1.Response.$Properties
             * @property {clets.v1.Header.$Properties|null} [header] Response header
             * @property {string|null} [system] Response system
             * @property {string|null} [responseKey] Response responseKey
             * @property {clets.v1.HitStatus|null} [status] Response status
             * @property {Array.<clets.v1.Record.$Properties>|null} [records] Response records
             * @property {string|null} [text] Response text
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Response.
             * @memberof clets.v1
             * @interface IResponse
             * @augments clets.v1.Response.$Properties
             * @deprecated Use clets.v1.Response.$Properties instead.
             */

            /**
             * Shape of a Response.
             * @typedef {clets.v1.Response.$Properties} clets.v1.Response.$Shape
             */

            /**
             * Constructs a new Response.
             * @memberof clets.v1
             * @classdesc Represents a Response.
             * @constructor
             * @param {clets.v1.Response.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Response = function (properties) {
                this.records = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Response header.
             * @member {clets.v1.Header.$Properties|null|undefined} header
             * @memberof clets.v1.Response
             * @instance
             */
            Response.prototype.header = null;

            /**
             * Response system.
             * @member {string} system
             * @memberof clets.v1.Response
             * @instance
             */
            Response.prototype.system = "";

            /**
             * Response responseKey.
             * @member {string} responseKey
             * @memberof clets.v1.Response
             * @instance
             */
            Response.prototype.responseKey = "";

            /**
             * Response status.
             * @member {clets.v1.HitStatus} status
             * @memberof clets.v1.Response
             * @instance
             */
            Response.prototype.status = 0;

            /**
             * Response records.
             * @member {Array.<clets.v1.Record.$Properties>} records
             * @memberof clets.v1.Response
             * @instance
             */
            Response.prototype.records = $util.emptyArray;

            /**
             * Response text.
             * @member {string} text
             * @memberof clets.v1.Response
             * @instance
             */
            Response.prototype.text = "";

            /**
             * Creates a new Response instance using the specified properties.
             * @function create
             * @memberof clets.v1.Response
             * @static
             * @param {clets.v1.Response.$Properties=} [properties] Properties to set
             * @returns {clets.v1.Response} Response instance
             * @type {{
             *   (properties: clets.v1.Response.$Shape): clets.v1.Response & clets.v1.Response.$Shape;
             *   (properties?: clets.v1.Response.$Properties): clets.v1.Response;
             * }}
             */
            Response.create = function(properties) {
                return new Response(properties);
            };

            /**
             * Encodes the specified Response message. Does not implicitly {@link clets.v1.Response.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.Response
             * @static
             * @param {clets.v1.Response.$Properties} message Response message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Response.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    $root.clets.v1.Header.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.system != null && $Object.hasOwnProperty.call(message, "system") && message.system !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.system);
                if (message.responseKey != null && $Object.hasOwnProperty.call(message, "responseKey") && message.responseKey !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.responseKey);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.status);
                if (message.records != null && message.records.length)
                    for (let i = 0; i < message.records.length; ++i)
                        $root.clets.v1.Record.encode(message.records[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.text);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Response message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.Response
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.Response & clets.v1.Response.$Shape} Response
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Response.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.Response();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.header = $root.clets.v1.Header.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.system = value;
                            else
                                delete message.system;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.responseKey = value;
                            else
                                delete message.responseKey;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.records && message.records.length))
                                message.records = [];
                            message.records.push($root.clets.v1.Record.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a Response message.
             * @function verify
             * @memberof clets.v1.Response
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Response.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.header != null && $Object.hasOwnProperty.call(message, "header")) {
                    let error = $root.clets.v1.Header.verify(message.header, _depth + 1);
                    if (error)
                        return "header." + error;
                }
                if (message.system != null && $Object.hasOwnProperty.call(message, "system"))
                    if (!$util.isString(message.system))
                        return "system: string expected";
                if (message.responseKey != null && $Object.hasOwnProperty.call(message, "responseKey"))
                    if (!$util.isString(message.responseKey))
                        return "responseKey: string expected";
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    if (typeof message.status !== "number" || (message.status | 0) !== message.status)
                        return "status: enum value expected";
                if (message.records != null && $Object.hasOwnProperty.call(message, "records")) {
                    if (!$Array.isArray(message.records))
                        return "records: array expected";
                    for (let i = 0; i < message.records.length; ++i) {
                        let error = $root.clets.v1.Record.verify(message.records[i], _depth + 1);
                        if (error)
                            return "records." + error;
                    }
                }
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    if (!$util.isString(message.text))
                        return "text: string expected";
                return null;
            };

            /**
             * Creates a Response message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.Response
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.Response} Response
             */
            Response.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.Response)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.Response: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.Response();
                if (object.header != null) {
                    if (!$util.isObject(object.header))
                        throw $TypeError(".clets.v1.Response.header: object expected");
                    message.header = $root.clets.v1.Header.fromObject(object.header, _depth + 1);
                }
                if (object.system != null)
                    if (typeof object.system !== "string" || object.system.length)
                        message.system = $String(object.system);
                if (object.responseKey != null)
                    if (typeof object.responseKey !== "string" || object.responseKey.length)
                        message.responseKey = $String(object.responseKey);
                if (object.status !== 0 && (typeof object.status !== "string" || $root.clets.v1.HitStatus[object.status] !== 0))
                    switch (object.status) {
                    case "HIT_STATUS_UNSPECIFIED":
                    case 0:
                        message.status = 0;
                        break;
                    case "HIT_STATUS_NO_RECORD":
                    case 1:
                        message.status = 1;
                        break;
                    case "HIT_STATUS_HIT":
                    case 2:
                        message.status = 2;
                        break;
                    case "HIT_STATUS_POSSIBLE":
                    case 3:
                        message.status = 3;
                        break;
                    case "HIT_STATUS_ACKNOWLEDGED":
                    case 4:
                        message.status = 4;
                        break;
                    default:
                        if (typeof object.status === "number" && (object.status | 0) === object.status)
                            message.status = object.status;
                    }
                if (object.records) {
                    if (!$Array.isArray(object.records))
                        throw $TypeError(".clets.v1.Response.records: array expected");
                    message.records = $Array(object.records.length);
                    for (let i = 0; i < object.records.length; ++i) {
                        if (!$util.isObject(object.records[i]))
                            throw $TypeError(".clets.v1.Response.records: object expected");
                        message.records[i] = $root.clets.v1.Record.fromObject(object.records[i], _depth + 1);
                    }
                }
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                return message;
            };

            /**
             * Creates a plain object from a Response message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.Response
             * @static
             * @param {clets.v1.Response} message Response
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Response.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.records = [];
                if (options.defaults) {
                    object.header = null;
                    object.system = "";
                    object.responseKey = "";
                    object.status = options.enums === $String ? "HIT_STATUS_UNSPECIFIED" : 0;
                    object.text = "";
                }
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    object.header = $root.clets.v1.Header.toObject(message.header, options, _depth + 1);
                if (message.system != null && $Object.hasOwnProperty.call(message, "system"))
                    object.system = message.system;
                if (message.responseKey != null && $Object.hasOwnProperty.call(message, "responseKey"))
                    object.responseKey = message.responseKey;
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === $String ? $root.clets.v1.HitStatus[message.status] === $undefined ? message.status : $root.clets.v1.HitStatus[message.status] : message.status;
                if (message.records && message.records.length) {
                    object.records = $Array(message.records.length);
                    for (let j = 0; j < message.records.length; ++j)
                        object.records[j] = $root.clets.v1.Record.toObject(message.records[j], options, _depth + 1);
                }
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                return object;
            };

            /**
             * Converts this Response to JSON.
             * @function toJSON
             * @memberof clets.v1.Response
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Response.prototype.toJSON = function() {
                return Response.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Response;
        })();

        v1.Completion = (function() {

            /**
             * Properties of a Completion.
             * @typedef {Object} clets.v1.Completion.$Properties
             * @property {clets.v1.Header.$Properties|null} [header] Completion header
             * @property {Array.<string>|null} [answered] Completion answered
             * @property {Array.<string>|null} [failed] Completion failed
             * @property {number|null} [inputSeq] Completion inputSeq
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Completion.
             * @memberof clets.v1
             * @interface ICompletion
             * @augments clets.v1.Completion.$Properties
             * @deprecated Use clets.v1.Completion.$Properties instead.
             */

            /**
             * Shape of a Completion.
             * @typedef {clets.v1.Completion.$Properties} clets.v1.Completion.$Shape
             */

            /**
             * Constructs a new Completion.
             * @memberof clets.v1
             * @classdesc Represents a Completion.
             * @constructor
             * @param {clets.v1.Completion.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Completion = function (properties) {
                this.answered = [];
                this.failed = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Completion header.
             * @member {clets.v1.Header.$Properties|null|undefined} header
             * @memberof clets.v1.Completion
             * @instance
             */
            Completion.prototype.header = null;

            /**
             * Completion answered.
             * @member {Array.<string>} answered
             * @memberof clets.v1.Completion
             * @instance
             */
            Completion.prototype.answered = $util.emptyArray;

            /**
             * Completion failed.
             * @member {Array.<string>} failed
             * @memberof clets.v1.Completion
             * @instance
             */
            Completion.prototype.failed = $util.emptyArray;

            /**
             * Completion inputSeq.
             * @member {number} inputSeq
             * @memberof clets.v1.Completion
             * @instance
             */
            Completion.prototype.inputSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Completion instance using the specified properties.
             * @function create
             * @memberof clets.v1.Completion
             * @static
             * @param {clets.v1.Completion.$Properties=} [properties] Properties to set
             * @returns {clets.v1.Completion} Completion instance
             * @type {{
             *   (properties: clets.v1.Completion.$Shape): clets.v1.Completion & clets.v1.Completion.$Shape;
             *   (properties?: clets.v1.Completion.$Properties): clets.v1.Completion;
             * }}
             */
            Completion.create = function(properties) {
                return new Completion(properties);
            };

            /**
             * Encodes the specified Completion message. Does not implicitly {@link clets.v1.Completion.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.Completion
             * @static
             * @param {clets.v1.Completion.$Properties} message Completion message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Completion.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    $root.clets.v1.Header.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.answered != null && message.answered.length)
                    for (let i = 0; i < message.answered.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.answered[i]);
                if (message.failed != null && message.failed.length)
                    for (let i = 0; i < message.failed.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.failed[i]);
                if (message.inputSeq != null && $Object.hasOwnProperty.call(message, "inputSeq") && (typeof message.inputSeq === "object" ? message.inputSeq.low || message.inputSeq.high : message.inputSeq !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.inputSeq);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Completion message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.Completion
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.Completion & clets.v1.Completion.$Shape} Completion
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Completion.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.Completion();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.header = $root.clets.v1.Header.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.answered && message.answered.length))
                                message.answered = [];
                            message.answered.push(reader.stringVerify());
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.failed && message.failed.length))
                                message.failed = [];
                            message.failed.push(reader.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.inputSeq = value;
                            else
                                delete message.inputSeq;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a Completion message.
             * @function verify
             * @memberof clets.v1.Completion
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Completion.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.header != null && $Object.hasOwnProperty.call(message, "header")) {
                    let error = $root.clets.v1.Header.verify(message.header, _depth + 1);
                    if (error)
                        return "header." + error;
                }
                if (message.answered != null && $Object.hasOwnProperty.call(message, "answered")) {
                    if (!$Array.isArray(message.answered))
                        return "answered: array expected";
                    for (let i = 0; i < message.answered.length; ++i)
                        if (!$util.isString(message.answered[i]))
                            return "answered: string[] expected";
                }
                if (message.failed != null && $Object.hasOwnProperty.call(message, "failed")) {
                    if (!$Array.isArray(message.failed))
                        return "failed: array expected";
                    for (let i = 0; i < message.failed.length; ++i)
                        if (!$util.isString(message.failed[i]))
                            return "failed: string[] expected";
                }
                if (message.inputSeq != null && $Object.hasOwnProperty.call(message, "inputSeq"))
                    if (!$util.isInteger(message.inputSeq) && !(message.inputSeq && $util.isInteger(message.inputSeq.low) && $util.isInteger(message.inputSeq.high)))
                        return "inputSeq: integer|Long expected";
                return null;
            };

            /**
             * Creates a Completion message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.Completion
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.Completion} Completion
             */
            Completion.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.Completion)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.Completion: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.Completion();
                if (object.header != null) {
                    if (!$util.isObject(object.header))
                        throw $TypeError(".clets.v1.Completion.header: object expected");
                    message.header = $root.clets.v1.Header.fromObject(object.header, _depth + 1);
                }
                if (object.answered) {
                    if (!$Array.isArray(object.answered))
                        throw $TypeError(".clets.v1.Completion.answered: array expected");
                    message.answered = $Array(object.answered.length);
                    for (let i = 0; i < object.answered.length; ++i)
                        message.answered[i] = $String(object.answered[i]);
                }
                if (object.failed) {
                    if (!$Array.isArray(object.failed))
                        throw $TypeError(".clets.v1.Completion.failed: array expected");
                    message.failed = $Array(object.failed.length);
                    for (let i = 0; i < object.failed.length; ++i)
                        message.failed[i] = $String(object.failed[i]);
                }
                if (object.inputSeq != null)
                    if (typeof object.inputSeq === "object" ? object.inputSeq.low || object.inputSeq.high : $Number(object.inputSeq) !== 0)
                        if ($util.Long)
                            message.inputSeq = $util.Long.fromValue(object.inputSeq, true);
                        else if (typeof object.inputSeq === "string")
                            message.inputSeq = $parseInt(object.inputSeq, 10);
                        else if (typeof object.inputSeq === "number")
                            message.inputSeq = object.inputSeq;
                        else if (typeof object.inputSeq === "object")
                            message.inputSeq = new $util.LongBits(object.inputSeq.low >>> 0, object.inputSeq.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a Completion message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.Completion
             * @static
             * @param {clets.v1.Completion} message Completion
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Completion.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.answered = [];
                    object.failed = [];
                }
                if (options.defaults) {
                    object.header = null;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.inputSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.inputSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    object.header = $root.clets.v1.Header.toObject(message.header, options, _depth + 1);
                if (message.answered && message.answered.length) {
                    object.answered = $Array(message.answered.length);
                    for (let j = 0; j < message.answered.length; ++j)
                        object.answered[j] = message.answered[j];
                }
                if (message.failed && message.failed.length) {
                    object.failed = $Array(message.failed.length);
                    for (let j = 0; j < message.failed.length; ++j)
                        object.failed[j] = message.failed[j];
                }
                if (message.inputSeq != null && $Object.hasOwnProperty.call(message, "inputSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.inputSeq = typeof message.inputSeq === "number" ? $BigInt(message.inputSeq) : $util.Long.fromBits(message.inputSeq.low >>> 0, message.inputSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.inputSeq === "number")
                        object.inputSeq = options.longs === $String ? $String(message.inputSeq) : message.inputSeq;
                    else
                        object.inputSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.inputSeq) : options.longs === $Number ? new $util.LongBits(message.inputSeq.low >>> 0, message.inputSeq.high >>> 0).toNumber(true) : message.inputSeq;
                return object;
            };

            /**
             * Converts this Completion to JSON.
             * @function toJSON
             * @memberof clets.v1.Completion
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Completion.prototype.toJSON = function() {
                return Completion.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Completion;
        })();

        v1.Reject = (function() {

            /**
             * Properties of a Reject.
             * @typedef {Object} clets.v1.Reject.$Properties
             * @property {clets.v1.Header.$Properties|null} [header] Reject header
             * @property {string|null} [code] Reject code
             * @property {number|null} [wireCode] Reject wireCode
             * @property {string|null} [reason] Reject reason
             * @property {string|null} [field] Reject field
             * @property {number|null} [position] Reject position
             * @property {string|null} [echo] Reject echo
             * @property {string|null} [system] Reject system
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Reject.
             * @memberof clets.v1
             * @interface IReject
             * @augments clets.v1.Reject.$Properties
             * @deprecated Use clets.v1.Reject.$Properties instead.
             */

            /**
             * Shape of a Reject.
             * @typedef {clets.v1.Reject.$Properties} clets.v1.Reject.$Shape
             */

            /**
             * Constructs a new Reject.
             * @memberof clets.v1
             * @classdesc Represents a Reject.
             * @constructor
             * @param {clets.v1.Reject.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Reject = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Reject header.
             * @member {clets.v1.Header.$Properties|null|undefined} header
             * @memberof clets.v1.Reject
             * @instance
             */
            Reject.prototype.header = null;

            /**
             * Reject code.
             * @member {string} code
             * @memberof clets.v1.Reject
             * @instance
             */
            Reject.prototype.code = "";

            /**
             * Reject wireCode.
             * @member {number} wireCode
             * @memberof clets.v1.Reject
             * @instance
             */
            Reject.prototype.wireCode = 0;

            /**
             * Reject reason.
             * @member {string} reason
             * @memberof clets.v1.Reject
             * @instance
             */
            Reject.prototype.reason = "";

            /**
             * Reject field.
             * @member {string} field
             * @memberof clets.v1.Reject
             * @instance
             */
            Reject.prototype.field = "";

            /**
             * Reject position.
             * @member {number} position
             * @memberof clets.v1.Reject
             * @instance
             */
            Reject.prototype.position = 0;

            /**
             * Reject echo.
             * @member {string} echo
             * @memberof clets.v1.Reject
             * @instance
             */
            Reject.prototype.echo = "";

            /**
             * Reject system.
             * @member {string} system
             * @memberof clets.v1.Reject
             * @instance
             */
            Reject.prototype.system = "";

            /**
             * Creates a new Reject instance using the specified properties.
             * @function create
             * @memberof clets.v1.Reject
             * @static
             * @param {clets.v1.Reject.$Properties=} [properties] Properties to set
             * @returns {clets.v1.Reject} Reject instance
             * @type {{
             *   (properties: clets.v1.Reject.$Shape): clets.v1.Reject & clets.v1.Reject.$Shape;
             *   (properties?: clets.v1.Reject.$Properties): clets.v1.Reject;
             * }}
             */
            Reject.create = function(properties) {
                return new Reject(properties);
            };

            /**
             * Encodes the specified Reject message. Does not implicitly {@link clets.v1.Reject.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.Reject
             * @static
             * @param {clets.v1.Reject.$Properties} message Reject message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Reject.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    $root.clets.v1.Header.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.code);
                if (message.wireCode != null && $Object.hasOwnProperty.call(message, "wireCode") && message.wireCode !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.wireCode);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.reason);
                if (message.field != null && $Object.hasOwnProperty.call(message, "field") && message.field !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.field);
                if (message.position != null && $Object.hasOwnProperty.call(message, "position") && message.position !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.position);
                if (message.echo != null && $Object.hasOwnProperty.call(message, "echo") && message.echo !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.echo);
                if (message.system != null && $Object.hasOwnProperty.call(message, "system") && message.system !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.system);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Reject message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.Reject
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.Reject & clets.v1.Reject.$Shape} Reject
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Reject.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.Reject();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.header = $root.clets.v1.Header.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.wireCode = value;
                            else
                                delete message.wireCode;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.field = value;
                            else
                                delete message.field;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.position = value;
                            else
                                delete message.position;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.echo = value;
                            else
                                delete message.echo;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.system = value;
                            else
                                delete message.system;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a Reject message.
             * @function verify
             * @memberof clets.v1.Reject
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Reject.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.header != null && $Object.hasOwnProperty.call(message, "header")) {
                    let error = $root.clets.v1.Header.verify(message.header, _depth + 1);
                    if (error)
                        return "header." + error;
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    if (!$util.isString(message.code))
                        return "code: string expected";
                if (message.wireCode != null && $Object.hasOwnProperty.call(message, "wireCode"))
                    if (!$util.isInteger(message.wireCode))
                        return "wireCode: integer expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                if (message.field != null && $Object.hasOwnProperty.call(message, "field"))
                    if (!$util.isString(message.field))
                        return "field: string expected";
                if (message.position != null && $Object.hasOwnProperty.call(message, "position"))
                    if (!$util.isInteger(message.position))
                        return "position: integer expected";
                if (message.echo != null && $Object.hasOwnProperty.call(message, "echo"))
                    if (!$util.isString(message.echo))
                        return "echo: string expected";
                if (message.system != null && $Object.hasOwnProperty.call(message, "system"))
                    if (!$util.isString(message.system))
                        return "system: string expected";
                return null;
            };

            /**
             * Creates a Reject message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.Reject
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.Reject} Reject
             */
            Reject.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.Reject)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.Reject: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.Reject();
                if (object.header != null) {
                    if (!$util.isObject(object.header))
                        throw $TypeError(".clets.v1.Reject.header: object expected");
                    message.header = $root.clets.v1.Header.fromObject(object.header, _depth + 1);
                }
                if (object.code != null)
                    if (typeof object.code !== "string" || object.code.length)
                        message.code = $String(object.code);
                if (object.wireCode != null)
                    if ($Number(object.wireCode) !== 0)
                        message.wireCode = object.wireCode >>> 0;
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.field != null)
                    if (typeof object.field !== "string" || object.field.length)
                        message.field = $String(object.field);
                if (object.position != null)
                    if ($Number(object.position) !== 0)
                        message.position = object.position >>> 0;
                if (object.echo != null)
                    if (typeof object.echo !== "string" || object.echo.length)
                        message.echo = $String(object.echo);
                if (object.system != null)
                    if (typeof object.system !== "string" || object.system.length)
                        message.system = $String(object.system);
                return message;
            };

            /**
             * Creates a plain object from a Reject message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.Reject
             * @static
             * @param {clets.v1.Reject} message Reject
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Reject.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.header = null;
                    object.code = "";
                    object.wireCode = 0;
                    object.reason = "";
                    object.field = "";
                    object.position = 0;
                    object.echo = "";
                    object.system = "";
                }
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    object.header = $root.clets.v1.Header.toObject(message.header, options, _depth + 1);
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.wireCode != null && $Object.hasOwnProperty.call(message, "wireCode"))
                    object.wireCode = message.wireCode;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.field != null && $Object.hasOwnProperty.call(message, "field"))
                    object.field = message.field;
                if (message.position != null && $Object.hasOwnProperty.call(message, "position"))
                    object.position = message.position;
                if (message.echo != null && $Object.hasOwnProperty.call(message, "echo"))
                    object.echo = message.echo;
                if (message.system != null && $Object.hasOwnProperty.call(message, "system"))
                    object.system = message.system;
                return object;
            };

            /**
             * Converts this Reject to JSON.
             * @function toJSON
             * @memberof clets.v1.Reject
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Reject.prototype.toJSON = function() {
                return Reject.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Reject;
        })();

        v1.QueuedNotice = (function() {

            /**
             * Properties of a QueuedNotice.
             * @typedef {Object} clets.v1.QueuedNotice.$Properties
             * @property {clets.v1.Header.$Properties|null} [header] QueuedNotice header
             * @property {string|null} [system] QueuedNotice system
             * @property {number|null} [expiresAtMs] QueuedNotice expiresAtMs
             * @property {string|null} [text] QueuedNotice text
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a QueuedNotice.
             * @memberof clets.v1
             * @interface IQueuedNotice
             * @augments clets.v1.QueuedNotice.$Properties
             * @deprecated Use clets.v1.QueuedNotice.$Properties instead.
             */

            /**
             * Shape of a QueuedNotice.
             * @typedef {clets.v1.QueuedNotice.$Properties} clets.v1.QueuedNotice.$Shape
             */

            /**
             * Constructs a new QueuedNotice.
             * @memberof clets.v1
             * @classdesc Represents a QueuedNotice.
             * @constructor
             * @param {clets.v1.QueuedNotice.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const QueuedNotice = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * QueuedNotice header.
             * @member {clets.v1.Header.$Properties|null|undefined} header
             * @memberof clets.v1.QueuedNotice
             * @instance
             */
            QueuedNotice.prototype.header = null;

            /**
             * QueuedNotice system.
             * @member {string} system
             * @memberof clets.v1.QueuedNotice
             * @instance
             */
            QueuedNotice.prototype.system = "";

            /**
             * QueuedNotice expiresAtMs.
             * @member {number} expiresAtMs
             * @memberof clets.v1.QueuedNotice
             * @instance
             */
            QueuedNotice.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * QueuedNotice text.
             * @member {string} text
             * @memberof clets.v1.QueuedNotice
             * @instance
             */
            QueuedNotice.prototype.text = "";

            /**
             * Creates a new QueuedNotice instance using the specified properties.
             * @function create
             * @memberof clets.v1.QueuedNotice
             * @static
             * @param {clets.v1.QueuedNotice.$Properties=} [properties] Properties to set
             * @returns {clets.v1.QueuedNotice} QueuedNotice instance
             * @type {{
             *   (properties: clets.v1.QueuedNotice.$Shape): clets.v1.QueuedNotice & clets.v1.QueuedNotice.$Shape;
             *   (properties?: clets.v1.QueuedNotice.$Properties): clets.v1.QueuedNotice;
             * }}
             */
            QueuedNotice.create = function(properties) {
                return new QueuedNotice(properties);
            };

            /**
             * Encodes the specified QueuedNotice message. Does not implicitly {@link clets.v1.QueuedNotice.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.QueuedNotice
             * @static
             * @param {clets.v1.QueuedNotice.$Properties} message QueuedNotice message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            QueuedNotice.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    $root.clets.v1.Header.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.system != null && $Object.hasOwnProperty.call(message, "system") && message.system !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.system);
                if (message.expiresAtMs != null && $Object.hasOwnProperty.call(message, "expiresAtMs") && (typeof message.expiresAtMs === "object" ? message.expiresAtMs.low || message.expiresAtMs.high : message.expiresAtMs !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).int64(message.expiresAtMs);
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.text);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a QueuedNotice message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.QueuedNotice
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.QueuedNotice & clets.v1.QueuedNotice.$Shape} QueuedNotice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            QueuedNotice.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.QueuedNotice();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.header = $root.clets.v1.Header.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.system = value;
                            else
                                delete message.system;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.expiresAtMs = value;
                            else
                                delete message.expiresAtMs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a QueuedNotice message.
             * @function verify
             * @memberof clets.v1.QueuedNotice
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            QueuedNotice.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.header != null && $Object.hasOwnProperty.call(message, "header")) {
                    let error = $root.clets.v1.Header.verify(message.header, _depth + 1);
                    if (error)
                        return "header." + error;
                }
                if (message.system != null && $Object.hasOwnProperty.call(message, "system"))
                    if (!$util.isString(message.system))
                        return "system: string expected";
                if (message.expiresAtMs != null && $Object.hasOwnProperty.call(message, "expiresAtMs"))
                    if (!$util.isInteger(message.expiresAtMs) && !(message.expiresAtMs && $util.isInteger(message.expiresAtMs.low) && $util.isInteger(message.expiresAtMs.high)))
                        return "expiresAtMs: integer|Long expected";
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    if (!$util.isString(message.text))
                        return "text: string expected";
                return null;
            };

            /**
             * Creates a QueuedNotice message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.QueuedNotice
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.QueuedNotice} QueuedNotice
             */
            QueuedNotice.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.QueuedNotice)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.QueuedNotice: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.QueuedNotice();
                if (object.header != null) {
                    if (!$util.isObject(object.header))
                        throw $TypeError(".clets.v1.QueuedNotice.header: object expected");
                    message.header = $root.clets.v1.Header.fromObject(object.header, _depth + 1);
                }
                if (object.system != null)
                    if (typeof object.system !== "string" || object.system.length)
                        message.system = $String(object.system);
                if (object.expiresAtMs != null)
                    if (typeof object.expiresAtMs === "object" ? object.expiresAtMs.low || object.expiresAtMs.high : $Number(object.expiresAtMs) !== 0)
                        if ($util.Long)
                            message.expiresAtMs = $util.Long.fromValue(object.expiresAtMs, false);
                        else if (typeof object.expiresAtMs === "string")
                            message.expiresAtMs = $parseInt(object.expiresAtMs, 10);
                        else if (typeof object.expiresAtMs === "number")
                            message.expiresAtMs = object.expiresAtMs;
                        else if (typeof object.expiresAtMs === "object")
                            message.expiresAtMs = new $util.LongBits(object.expiresAtMs.low >>> 0, object.expiresAtMs.high >>> 0).toNumber();
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                return message;
            };

            /**
             * Creates a plain object from a QueuedNotice message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.QueuedNotice
             * @static
             * @param {clets.v1.QueuedNotice} message QueuedNotice
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            QueuedNotice.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.header = null;
                    object.system = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.expiresAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.expiresAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.text = "";
                }
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    object.header = $root.clets.v1.Header.toObject(message.header, options, _depth + 1);
                if (message.system != null && $Object.hasOwnProperty.call(message, "system"))
                    object.system = message.system;
                if (message.expiresAtMs != null && $Object.hasOwnProperty.call(message, "expiresAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.expiresAtMs = typeof message.expiresAtMs === "number" ? $BigInt(message.expiresAtMs) : $util.Long.fromBits(message.expiresAtMs.low >>> 0, message.expiresAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.expiresAtMs === "number")
                        object.expiresAtMs = options.longs === $String ? $String(message.expiresAtMs) : message.expiresAtMs;
                    else
                        object.expiresAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.expiresAtMs) : options.longs === $Number ? new $util.LongBits(message.expiresAtMs.low >>> 0, message.expiresAtMs.high >>> 0).toNumber() : message.expiresAtMs;
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                return object;
            };

            /**
             * Converts this QueuedNotice to JSON.
             * @function toJSON
             * @memberof clets.v1.QueuedNotice
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            QueuedNotice.prototype.toJSON = function() {
                return QueuedNotice.toObject(this, $protobuf.util.toJSONOptions);
            };

            return QueuedNotice;
        })();

        /**
         * DeliveryState enum.
         * @name clets.v1.DeliveryState
         * @enum {number}
         * @property {number} DELIVERY_STATE_UNSPECIFIED=0 DELIVERY_STATE_UNSPECIFIED value
         * @property {number} DELIVERY_STATE_DELIVERED=1 DELIVERY_STATE_DELIVERED value
         * @property {number} DELIVERY_STATE_STORED=2 DELIVERY_STATE_STORED value
         * @property {number} DELIVERY_STATE_EXPIRED=3 DELIVERY_STATE_EXPIRED value
         * @property {number} DELIVERY_STATE_UNKNOWN_DESTINATION=4 DELIVERY_STATE_UNKNOWN_DESTINATION value
         * @property {number} DELIVERY_STATE_REFUSED=5 DELIVERY_STATE_REFUSED value
         */
        v1.DeliveryState = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DELIVERY_STATE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "DELIVERY_STATE_DELIVERED"] = 1;
            values[valuesById[2] = "DELIVERY_STATE_STORED"] = 2;
            values[valuesById[3] = "DELIVERY_STATE_EXPIRED"] = 3;
            values[valuesById[4] = "DELIVERY_STATE_UNKNOWN_DESTINATION"] = 4;
            values[valuesById[5] = "DELIVERY_STATE_REFUSED"] = 5;
            return values;
        })();

        v1.AdminMessage = (function() {

            /**
             * Properties of an AdminMessage.
             * @typedef {Object} clets.v1.AdminMessage.$Properties
             * @property {clets.v1.Header.$Properties|null} [header] AdminMessage header
             * @property {string|null} [officerSafety] AdminMessage officerSafety
             * @property {string|null} [text] AdminMessage text
             * @property {boolean|null} [broadcast] AdminMessage broadcast
             * @property {string|null} [messageId] AdminMessage messageId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AdminMessage.
             * @memberof clets.v1
             * @interface IAdminMessage
             * @augments clets.v1.AdminMessage.$Properties
             * @deprecated Use clets.v1.AdminMessage.$Properties instead.
             */

            /**
             * Shape of an AdminMessage.
             * @typedef {clets.v1.AdminMessage.$Properties} clets.v1.AdminMessage.$Shape
             */

            /**
             * Constructs a new AdminMessage.
             * @memberof clets.v1
             * @classdesc Represents an AdminMessage.
             * @constructor
             * @param {clets.v1.AdminMessage.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AdminMessage = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AdminMessage header.
             * @member {clets.v1.Header.$Properties|null|undefined} header
             * @memberof clets.v1.AdminMessage
             * @instance
             */
            AdminMessage.prototype.header = null;

            /**
             * AdminMessage officerSafety.
             * @member {string} officerSafety
             * @memberof clets.v1.AdminMessage
             * @instance
             */
            AdminMessage.prototype.officerSafety = "";

            /**
             * AdminMessage text.
             * @member {string} text
             * @memberof clets.v1.AdminMessage
             * @instance
             */
            AdminMessage.prototype.text = "";

            /**
             * AdminMessage broadcast.
             * @member {boolean} broadcast
             * @memberof clets.v1.AdminMessage
             * @instance
             */
            AdminMessage.prototype.broadcast = false;

            /**
             * AdminMessage messageId.
             * @member {string} messageId
             * @memberof clets.v1.AdminMessage
             * @instance
             */
            AdminMessage.prototype.messageId = "";

            /**
             * Creates a new AdminMessage instance using the specified properties.
             * @function create
             * @memberof clets.v1.AdminMessage
             * @static
             * @param {clets.v1.AdminMessage.$Properties=} [properties] Properties to set
             * @returns {clets.v1.AdminMessage} AdminMessage instance
             * @type {{
             *   (properties: clets.v1.AdminMessage.$Shape): clets.v1.AdminMessage & clets.v1.AdminMessage.$Shape;
             *   (properties?: clets.v1.AdminMessage.$Properties): clets.v1.AdminMessage;
             * }}
             */
            AdminMessage.create = function(properties) {
                return new AdminMessage(properties);
            };

            /**
             * Encodes the specified AdminMessage message. Does not implicitly {@link clets.v1.AdminMessage.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.AdminMessage
             * @static
             * @param {clets.v1.AdminMessage.$Properties} message AdminMessage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AdminMessage.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    $root.clets.v1.Header.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.officerSafety != null && $Object.hasOwnProperty.call(message, "officerSafety") && message.officerSafety !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.officerSafety);
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.text);
                if (message.broadcast != null && $Object.hasOwnProperty.call(message, "broadcast") && message.broadcast !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.broadcast);
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId") && message.messageId !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.messageId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AdminMessage message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.AdminMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.AdminMessage & clets.v1.AdminMessage.$Shape} AdminMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AdminMessage.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.AdminMessage();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.header = $root.clets.v1.Header.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.officerSafety = value;
                            else
                                delete message.officerSafety;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.broadcast = value;
                            else
                                delete message.broadcast;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.messageId = value;
                            else
                                delete message.messageId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies an AdminMessage message.
             * @function verify
             * @memberof clets.v1.AdminMessage
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AdminMessage.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.header != null && $Object.hasOwnProperty.call(message, "header")) {
                    let error = $root.clets.v1.Header.verify(message.header, _depth + 1);
                    if (error)
                        return "header." + error;
                }
                if (message.officerSafety != null && $Object.hasOwnProperty.call(message, "officerSafety"))
                    if (!$util.isString(message.officerSafety))
                        return "officerSafety: string expected";
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    if (!$util.isString(message.text))
                        return "text: string expected";
                if (message.broadcast != null && $Object.hasOwnProperty.call(message, "broadcast"))
                    if (typeof message.broadcast !== "boolean")
                        return "broadcast: boolean expected";
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId"))
                    if (!$util.isString(message.messageId))
                        return "messageId: string expected";
                return null;
            };

            /**
             * Creates an AdminMessage message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.AdminMessage
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.AdminMessage} AdminMessage
             */
            AdminMessage.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.AdminMessage)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.AdminMessage: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.AdminMessage();
                if (object.header != null) {
                    if (!$util.isObject(object.header))
                        throw $TypeError(".clets.v1.AdminMessage.header: object expected");
                    message.header = $root.clets.v1.Header.fromObject(object.header, _depth + 1);
                }
                if (object.officerSafety != null)
                    if (typeof object.officerSafety !== "string" || object.officerSafety.length)
                        message.officerSafety = $String(object.officerSafety);
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                if (object.broadcast != null)
                    if (object.broadcast)
                        message.broadcast = $Boolean(object.broadcast);
                if (object.messageId != null)
                    if (typeof object.messageId !== "string" || object.messageId.length)
                        message.messageId = $String(object.messageId);
                return message;
            };

            /**
             * Creates a plain object from an AdminMessage message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.AdminMessage
             * @static
             * @param {clets.v1.AdminMessage} message AdminMessage
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AdminMessage.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.header = null;
                    object.officerSafety = "";
                    object.text = "";
                    object.broadcast = false;
                    object.messageId = "";
                }
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    object.header = $root.clets.v1.Header.toObject(message.header, options, _depth + 1);
                if (message.officerSafety != null && $Object.hasOwnProperty.call(message, "officerSafety"))
                    object.officerSafety = message.officerSafety;
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                if (message.broadcast != null && $Object.hasOwnProperty.call(message, "broadcast"))
                    object.broadcast = message.broadcast;
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId"))
                    object.messageId = message.messageId;
                return object;
            };

            /**
             * Converts this AdminMessage to JSON.
             * @function toJSON
             * @memberof clets.v1.AdminMessage
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AdminMessage.prototype.toJSON = function() {
                return AdminMessage.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AdminMessage;
        })();

        v1.DeliveryReport = (function() {

            /**
             * Properties of a DeliveryReport.
             * @typedef {Object} clets.v1.DeliveryReport.$Properties
             * @property {clets.v1.Header.$Properties|null} [header] DeliveryReport header
             * @property {string|null} [messageId] DeliveryReport messageId
             * @property {string|null} [destination] DeliveryReport destination
             * @property {clets.v1.DeliveryState|null} [state] DeliveryReport state
             * @property {number|null} [atMs] DeliveryReport atMs
             * @property {string|null} [text] DeliveryReport text
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DeliveryReport.
             * @memberof clets.v1
             * @interface IDeliveryReport
             * @augments clets.v1.DeliveryReport.$Properties
             * @deprecated Use clets.v1.DeliveryReport.$Properties instead.
             */

            /**
             * Shape of a DeliveryReport.
             * @typedef {clets.v1.DeliveryReport.$Properties} clets.v1.DeliveryReport.$Shape
             */

            /**
             * Constructs a new DeliveryReport.
             * @memberof clets.v1
             * @classdesc Represents a DeliveryReport.
             * @constructor
             * @param {clets.v1.DeliveryReport.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DeliveryReport = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DeliveryReport header.
             * @member {clets.v1.Header.$Properties|null|undefined} header
             * @memberof clets.v1.DeliveryReport
             * @instance
             */
            DeliveryReport.prototype.header = null;

            /**
             * DeliveryReport messageId.
             * @member {string} messageId
             * @memberof clets.v1.DeliveryReport
             * @instance
             */
            DeliveryReport.prototype.messageId = "";

            /**
             * DeliveryReport destination.
             * @member {string} destination
             * @memberof clets.v1.DeliveryReport
             * @instance
             */
            DeliveryReport.prototype.destination = "";

            /**
             * DeliveryReport state.
             * @member {clets.v1.DeliveryState} state
             * @memberof clets.v1.DeliveryReport
             * @instance
             */
            DeliveryReport.prototype.state = 0;

            /**
             * DeliveryReport atMs.
             * @member {number} atMs
             * @memberof clets.v1.DeliveryReport
             * @instance
             */
            DeliveryReport.prototype.atMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * DeliveryReport text.
             * @member {string} text
             * @memberof clets.v1.DeliveryReport
             * @instance
             */
            DeliveryReport.prototype.text = "";

            /**
             * Creates a new DeliveryReport instance using the specified properties.
             * @function create
             * @memberof clets.v1.DeliveryReport
             * @static
             * @param {clets.v1.DeliveryReport.$Properties=} [properties] Properties to set
             * @returns {clets.v1.DeliveryReport} DeliveryReport instance
             * @type {{
             *   (properties: clets.v1.DeliveryReport.$Shape): clets.v1.DeliveryReport & clets.v1.DeliveryReport.$Shape;
             *   (properties?: clets.v1.DeliveryReport.$Properties): clets.v1.DeliveryReport;
             * }}
             */
            DeliveryReport.create = function(properties) {
                return new DeliveryReport(properties);
            };

            /**
             * Encodes the specified DeliveryReport message. Does not implicitly {@link clets.v1.DeliveryReport.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.DeliveryReport
             * @static
             * @param {clets.v1.DeliveryReport.$Properties} message DeliveryReport message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeliveryReport.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    $root.clets.v1.Header.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId") && message.messageId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.messageId);
                if (message.destination != null && $Object.hasOwnProperty.call(message, "destination") && message.destination !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.destination);
                if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.state);
                if (message.atMs != null && $Object.hasOwnProperty.call(message, "atMs") && (typeof message.atMs === "object" ? message.atMs.low || message.atMs.high : message.atMs !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).int64(message.atMs);
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.text);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DeliveryReport message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.DeliveryReport
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.DeliveryReport & clets.v1.DeliveryReport.$Shape} DeliveryReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeliveryReport.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.DeliveryReport();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.header = $root.clets.v1.Header.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.messageId = value;
                            else
                                delete message.messageId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.destination = value;
                            else
                                delete message.destination;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.state = value;
                            else
                                delete message.state;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.atMs = value;
                            else
                                delete message.atMs;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a DeliveryReport message.
             * @function verify
             * @memberof clets.v1.DeliveryReport
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DeliveryReport.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.header != null && $Object.hasOwnProperty.call(message, "header")) {
                    let error = $root.clets.v1.Header.verify(message.header, _depth + 1);
                    if (error)
                        return "header." + error;
                }
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId"))
                    if (!$util.isString(message.messageId))
                        return "messageId: string expected";
                if (message.destination != null && $Object.hasOwnProperty.call(message, "destination"))
                    if (!$util.isString(message.destination))
                        return "destination: string expected";
                if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                    if (typeof message.state !== "number" || (message.state | 0) !== message.state)
                        return "state: enum value expected";
                if (message.atMs != null && $Object.hasOwnProperty.call(message, "atMs"))
                    if (!$util.isInteger(message.atMs) && !(message.atMs && $util.isInteger(message.atMs.low) && $util.isInteger(message.atMs.high)))
                        return "atMs: integer|Long expected";
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    if (!$util.isString(message.text))
                        return "text: string expected";
                return null;
            };

            /**
             * Creates a DeliveryReport message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.DeliveryReport
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.DeliveryReport} DeliveryReport
             */
            DeliveryReport.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.DeliveryReport)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.DeliveryReport: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.DeliveryReport();
                if (object.header != null) {
                    if (!$util.isObject(object.header))
                        throw $TypeError(".clets.v1.DeliveryReport.header: object expected");
                    message.header = $root.clets.v1.Header.fromObject(object.header, _depth + 1);
                }
                if (object.messageId != null)
                    if (typeof object.messageId !== "string" || object.messageId.length)
                        message.messageId = $String(object.messageId);
                if (object.destination != null)
                    if (typeof object.destination !== "string" || object.destination.length)
                        message.destination = $String(object.destination);
                if (object.state !== 0 && (typeof object.state !== "string" || $root.clets.v1.DeliveryState[object.state] !== 0))
                    switch (object.state) {
                    case "DELIVERY_STATE_UNSPECIFIED":
                    case 0:
                        message.state = 0;
                        break;
                    case "DELIVERY_STATE_DELIVERED":
                    case 1:
                        message.state = 1;
                        break;
                    case "DELIVERY_STATE_STORED":
                    case 2:
                        message.state = 2;
                        break;
                    case "DELIVERY_STATE_EXPIRED":
                    case 3:
                        message.state = 3;
                        break;
                    case "DELIVERY_STATE_UNKNOWN_DESTINATION":
                    case 4:
                        message.state = 4;
                        break;
                    case "DELIVERY_STATE_REFUSED":
                    case 5:
                        message.state = 5;
                        break;
                    default:
                        if (typeof object.state === "number" && (object.state | 0) === object.state)
                            message.state = object.state;
                    }
                if (object.atMs != null)
                    if (typeof object.atMs === "object" ? object.atMs.low || object.atMs.high : $Number(object.atMs) !== 0)
                        if ($util.Long)
                            message.atMs = $util.Long.fromValue(object.atMs, false);
                        else if (typeof object.atMs === "string")
                            message.atMs = $parseInt(object.atMs, 10);
                        else if (typeof object.atMs === "number")
                            message.atMs = object.atMs;
                        else if (typeof object.atMs === "object")
                            message.atMs = new $util.LongBits(object.atMs.low >>> 0, object.atMs.high >>> 0).toNumber();
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                return message;
            };

            /**
             * Creates a plain object from a DeliveryReport message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.DeliveryReport
             * @static
             * @param {clets.v1.DeliveryReport} message DeliveryReport
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DeliveryReport.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.header = null;
                    object.messageId = "";
                    object.destination = "";
                    object.state = options.enums === $String ? "DELIVERY_STATE_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.atMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.atMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.text = "";
                }
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    object.header = $root.clets.v1.Header.toObject(message.header, options, _depth + 1);
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId"))
                    object.messageId = message.messageId;
                if (message.destination != null && $Object.hasOwnProperty.call(message, "destination"))
                    object.destination = message.destination;
                if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                    object.state = options.enums === $String ? $root.clets.v1.DeliveryState[message.state] === $undefined ? message.state : $root.clets.v1.DeliveryState[message.state] : message.state;
                if (message.atMs != null && $Object.hasOwnProperty.call(message, "atMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.atMs = typeof message.atMs === "number" ? $BigInt(message.atMs) : $util.Long.fromBits(message.atMs.low >>> 0, message.atMs.high >>> 0, false).toBigInt();
                    else if (typeof message.atMs === "number")
                        object.atMs = options.longs === $String ? $String(message.atMs) : message.atMs;
                    else
                        object.atMs = options.longs === $String ? $util.Long.prototype.toString.call(message.atMs) : options.longs === $Number ? new $util.LongBits(message.atMs.low >>> 0, message.atMs.high >>> 0).toNumber() : message.atMs;
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                return object;
            };

            /**
             * Converts this DeliveryReport to JSON.
             * @function toJSON
             * @memberof clets.v1.DeliveryReport
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DeliveryReport.prototype.toJSON = function() {
                return DeliveryReport.toObject(this, $protobuf.util.toJSONOptions);
            };

            return DeliveryReport;
        })();

        /**
         * ConfirmationPriority enum.
         * @name clets.v1.ConfirmationPriority
         * @enum {number}
         * @property {number} CONFIRMATION_PRIORITY_UNSPECIFIED=0 CONFIRMATION_PRIORITY_UNSPECIFIED value
         * @property {number} CONFIRMATION_PRIORITY_URGENT=1 CONFIRMATION_PRIORITY_URGENT value
         * @property {number} CONFIRMATION_PRIORITY_ROUTINE=2 CONFIRMATION_PRIORITY_ROUTINE value
         */
        v1.ConfirmationPriority = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CONFIRMATION_PRIORITY_UNSPECIFIED"] = 0;
            values[valuesById[1] = "CONFIRMATION_PRIORITY_URGENT"] = 1;
            values[valuesById[2] = "CONFIRMATION_PRIORITY_ROUTINE"] = 2;
            return values;
        })();

        v1.HitConfirmationRequest = (function() {

            /**
             * Properties of a HitConfirmationRequest.
             * @typedef {Object} clets.v1.HitConfirmationRequest.$Properties
             * @property {clets.v1.Header.$Properties|null} [header] HitConfirmationRequest header
             * @property {string|null} [confirmationId] HitConfirmationRequest confirmationId
             * @property {string|null} [recordId] HitConfirmationRequest recordId
             * @property {clets.v1.ConfirmationPriority|null} [priority] HitConfirmationRequest priority
             * @property {number|null} [requestNumber] HitConfirmationRequest requestNumber
             * @property {string|null} [requestingOri] HitConfirmationRequest requestingOri
             * @property {string|null} [enteringOri] HitConfirmationRequest enteringOri
             * @property {number|null} [answerDueMs] HitConfirmationRequest answerDueMs
             * @property {string|null} [text] HitConfirmationRequest text
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HitConfirmationRequest.
             * @memberof clets.v1
             * @interface IHitConfirmationRequest
             * @augments clets.v1.HitConfirmationRequest.$Properties
             * @deprecated Use clets.v1.HitConfirmationRequest.$Properties instead.
             */

            /**
             * Shape of a HitConfirmationRequest.
             * @typedef {clets.v1.HitConfirmationRequest.$Properties} clets.v1.HitConfirmationRequest.$Shape
             */

            /**
             * Constructs a new HitConfirmationRequest.
             * @memberof clets.v1
             * @classdesc Represents a HitConfirmationRequest.
             * @constructor
             * @param {clets.v1.HitConfirmationRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HitConfirmationRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HitConfirmationRequest header.
             * @member {clets.v1.Header.$Properties|null|undefined} header
             * @memberof clets.v1.HitConfirmationRequest
             * @instance
             */
            HitConfirmationRequest.prototype.header = null;

            /**
             * HitConfirmationRequest confirmationId.
             * @member {string} confirmationId
             * @memberof clets.v1.HitConfirmationRequest
             * @instance
             */
            HitConfirmationRequest.prototype.confirmationId = "";

            /**
             * HitConfirmationRequest recordId.
             * @member {string} recordId
             * @memberof clets.v1.HitConfirmationRequest
             * @instance
             */
            HitConfirmationRequest.prototype.recordId = "";

            /**
             * HitConfirmationRequest priority.
             * @member {clets.v1.ConfirmationPriority} priority
             * @memberof clets.v1.HitConfirmationRequest
             * @instance
             */
            HitConfirmationRequest.prototype.priority = 0;

            /**
             * HitConfirmationRequest requestNumber.
             * @member {number} requestNumber
             * @memberof clets.v1.HitConfirmationRequest
             * @instance
             */
            HitConfirmationRequest.prototype.requestNumber = 0;

            /**
             * HitConfirmationRequest requestingOri.
             * @member {string} requestingOri
             * @memberof clets.v1.HitConfirmationRequest
             * @instance
             */
            HitConfirmationRequest.prototype.requestingOri = "";

            /**
             * HitConfirmationRequest enteringOri.
             * @member {string} enteringOri
             * @memberof clets.v1.HitConfirmationRequest
             * @instance
             */
            HitConfirmationRequest.prototype.enteringOri = "";

            /**
             * HitConfirmationRequest answerDueMs.
             * @member {number} answerDueMs
             * @memberof clets.v1.HitConfirmationRequest
             * @instance
             */
            HitConfirmationRequest.prototype.answerDueMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * HitConfirmationRequest text.
             * @member {string} text
             * @memberof clets.v1.HitConfirmationRequest
             * @instance
             */
            HitConfirmationRequest.prototype.text = "";

            /**
             * Creates a new HitConfirmationRequest instance using the specified properties.
             * @function create
             * @memberof clets.v1.HitConfirmationRequest
             * @static
             * @param {clets.v1.HitConfirmationRequest.$Properties=} [properties] Properties to set
             * @returns {clets.v1.HitConfirmationRequest} HitConfirmationRequest instance
             * @type {{
             *   (properties: clets.v1.HitConfirmationRequest.$Shape): clets.v1.HitConfirmationRequest & clets.v1.HitConfirmationRequest.$Shape;
             *   (properties?: clets.v1.HitConfirmationRequest.$Properties): clets.v1.HitConfirmationRequest;
             * }}
             */
            HitConfirmationRequest.create = function(properties) {
                return new HitConfirmationRequest(properties);
            };

            /**
             * Encodes the specified HitConfirmationRequest message. Does not implicitly {@link clets.v1.HitConfirmationRequest.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.HitConfirmationRequest
             * @static
             * @param {clets.v1.HitConfirmationRequest.$Properties} message HitConfirmationRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HitConfirmationRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    $root.clets.v1.Header.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.confirmationId != null && $Object.hasOwnProperty.call(message, "confirmationId") && message.confirmationId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.confirmationId);
                if (message.recordId != null && $Object.hasOwnProperty.call(message, "recordId") && message.recordId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.recordId);
                if (message.priority != null && $Object.hasOwnProperty.call(message, "priority") && message.priority !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.priority);
                if (message.requestNumber != null && $Object.hasOwnProperty.call(message, "requestNumber") && message.requestNumber !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.requestNumber);
                if (message.requestingOri != null && $Object.hasOwnProperty.call(message, "requestingOri") && message.requestingOri !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.requestingOri);
                if (message.enteringOri != null && $Object.hasOwnProperty.call(message, "enteringOri") && message.enteringOri !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.enteringOri);
                if (message.answerDueMs != null && $Object.hasOwnProperty.call(message, "answerDueMs") && (typeof message.answerDueMs === "object" ? message.answerDueMs.low || message.answerDueMs.high : message.answerDueMs !== 0))
                    writer.uint32(/* id 8, wireType 0 =*/64).int64(message.answerDueMs);
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.text);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a HitConfirmationRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.HitConfirmationRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.HitConfirmationRequest & clets.v1.HitConfirmationRequest.$Shape} HitConfirmationRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HitConfirmationRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.HitConfirmationRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.header = $root.clets.v1.Header.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.confirmationId = value;
                            else
                                delete message.confirmationId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.recordId = value;
                            else
                                delete message.recordId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.priority = value;
                            else
                                delete message.priority;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.requestNumber = value;
                            else
                                delete message.requestNumber;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.requestingOri = value;
                            else
                                delete message.requestingOri;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.enteringOri = value;
                            else
                                delete message.enteringOri;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.answerDueMs = value;
                            else
                                delete message.answerDueMs;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a HitConfirmationRequest message.
             * @function verify
             * @memberof clets.v1.HitConfirmationRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            HitConfirmationRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.header != null && $Object.hasOwnProperty.call(message, "header")) {
                    let error = $root.clets.v1.Header.verify(message.header, _depth + 1);
                    if (error)
                        return "header." + error;
                }
                if (message.confirmationId != null && $Object.hasOwnProperty.call(message, "confirmationId"))
                    if (!$util.isString(message.confirmationId))
                        return "confirmationId: string expected";
                if (message.recordId != null && $Object.hasOwnProperty.call(message, "recordId"))
                    if (!$util.isString(message.recordId))
                        return "recordId: string expected";
                if (message.priority != null && $Object.hasOwnProperty.call(message, "priority"))
                    if (typeof message.priority !== "number" || (message.priority | 0) !== message.priority)
                        return "priority: enum value expected";
                if (message.requestNumber != null && $Object.hasOwnProperty.call(message, "requestNumber"))
                    if (!$util.isInteger(message.requestNumber))
                        return "requestNumber: integer expected";
                if (message.requestingOri != null && $Object.hasOwnProperty.call(message, "requestingOri"))
                    if (!$util.isString(message.requestingOri))
                        return "requestingOri: string expected";
                if (message.enteringOri != null && $Object.hasOwnProperty.call(message, "enteringOri"))
                    if (!$util.isString(message.enteringOri))
                        return "enteringOri: string expected";
                if (message.answerDueMs != null && $Object.hasOwnProperty.call(message, "answerDueMs"))
                    if (!$util.isInteger(message.answerDueMs) && !(message.answerDueMs && $util.isInteger(message.answerDueMs.low) && $util.isInteger(message.answerDueMs.high)))
                        return "answerDueMs: integer|Long expected";
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    if (!$util.isString(message.text))
                        return "text: string expected";
                return null;
            };

            /**
             * Creates a HitConfirmationRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.HitConfirmationRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.HitConfirmationRequest} HitConfirmationRequest
             */
            HitConfirmationRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.HitConfirmationRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.HitConfirmationRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.HitConfirmationRequest();
                if (object.header != null) {
                    if (!$util.isObject(object.header))
                        throw $TypeError(".clets.v1.HitConfirmationRequest.header: object expected");
                    message.header = $root.clets.v1.Header.fromObject(object.header, _depth + 1);
                }
                if (object.confirmationId != null)
                    if (typeof object.confirmationId !== "string" || object.confirmationId.length)
                        message.confirmationId = $String(object.confirmationId);
                if (object.recordId != null)
                    if (typeof object.recordId !== "string" || object.recordId.length)
                        message.recordId = $String(object.recordId);
                if (object.priority !== 0 && (typeof object.priority !== "string" || $root.clets.v1.ConfirmationPriority[object.priority] !== 0))
                    switch (object.priority) {
                    case "CONFIRMATION_PRIORITY_UNSPECIFIED":
                    case 0:
                        message.priority = 0;
                        break;
                    case "CONFIRMATION_PRIORITY_URGENT":
                    case 1:
                        message.priority = 1;
                        break;
                    case "CONFIRMATION_PRIORITY_ROUTINE":
                    case 2:
                        message.priority = 2;
                        break;
                    default:
                        if (typeof object.priority === "number" && (object.priority | 0) === object.priority)
                            message.priority = object.priority;
                    }
                if (object.requestNumber != null)
                    if ($Number(object.requestNumber) !== 0)
                        message.requestNumber = object.requestNumber >>> 0;
                if (object.requestingOri != null)
                    if (typeof object.requestingOri !== "string" || object.requestingOri.length)
                        message.requestingOri = $String(object.requestingOri);
                if (object.enteringOri != null)
                    if (typeof object.enteringOri !== "string" || object.enteringOri.length)
                        message.enteringOri = $String(object.enteringOri);
                if (object.answerDueMs != null)
                    if (typeof object.answerDueMs === "object" ? object.answerDueMs.low || object.answerDueMs.high : $Number(object.answerDueMs) !== 0)
                        if ($util.Long)
                            message.answerDueMs = $util.Long.fromValue(object.answerDueMs, false);
                        else if (typeof object.answerDueMs === "string")
                            message.answerDueMs = $parseInt(object.answerDueMs, 10);
                        else if (typeof object.answerDueMs === "number")
                            message.answerDueMs = object.answerDueMs;
                        else if (typeof object.answerDueMs === "object")
                            message.answerDueMs = new $util.LongBits(object.answerDueMs.low >>> 0, object.answerDueMs.high >>> 0).toNumber();
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                return message;
            };

            /**
             * Creates a plain object from a HitConfirmationRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.HitConfirmationRequest
             * @static
             * @param {clets.v1.HitConfirmationRequest} message HitConfirmationRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HitConfirmationRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.header = null;
                    object.confirmationId = "";
                    object.recordId = "";
                    object.priority = options.enums === $String ? "CONFIRMATION_PRIORITY_UNSPECIFIED" : 0;
                    object.requestNumber = 0;
                    object.requestingOri = "";
                    object.enteringOri = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.answerDueMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.answerDueMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.text = "";
                }
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    object.header = $root.clets.v1.Header.toObject(message.header, options, _depth + 1);
                if (message.confirmationId != null && $Object.hasOwnProperty.call(message, "confirmationId"))
                    object.confirmationId = message.confirmationId;
                if (message.recordId != null && $Object.hasOwnProperty.call(message, "recordId"))
                    object.recordId = message.recordId;
                if (message.priority != null && $Object.hasOwnProperty.call(message, "priority"))
                    object.priority = options.enums === $String ? $root.clets.v1.ConfirmationPriority[message.priority] === $undefined ? message.priority : $root.clets.v1.ConfirmationPriority[message.priority] : message.priority;
                if (message.requestNumber != null && $Object.hasOwnProperty.call(message, "requestNumber"))
                    object.requestNumber = message.requestNumber;
                if (message.requestingOri != null && $Object.hasOwnProperty.call(message, "requestingOri"))
                    object.requestingOri = message.requestingOri;
                if (message.enteringOri != null && $Object.hasOwnProperty.call(message, "enteringOri"))
                    object.enteringOri = message.enteringOri;
                if (message.answerDueMs != null && $Object.hasOwnProperty.call(message, "answerDueMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.answerDueMs = typeof message.answerDueMs === "number" ? $BigInt(message.answerDueMs) : $util.Long.fromBits(message.answerDueMs.low >>> 0, message.answerDueMs.high >>> 0, false).toBigInt();
                    else if (typeof message.answerDueMs === "number")
                        object.answerDueMs = options.longs === $String ? $String(message.answerDueMs) : message.answerDueMs;
                    else
                        object.answerDueMs = options.longs === $String ? $util.Long.prototype.toString.call(message.answerDueMs) : options.longs === $Number ? new $util.LongBits(message.answerDueMs.low >>> 0, message.answerDueMs.high >>> 0).toNumber() : message.answerDueMs;
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                return object;
            };

            /**
             * Converts this HitConfirmationRequest to JSON.
             * @function toJSON
             * @memberof clets.v1.HitConfirmationRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HitConfirmationRequest.prototype.toJSON = function() {
                return HitConfirmationRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HitConfirmationRequest;
        })();

        /**
         * ConfirmationState enum.
         * @name clets.v1.ConfirmationState
         * @enum {number}
         * @property {number} CONFIRMATION_STATE_UNSPECIFIED=0 CONFIRMATION_STATE_UNSPECIFIED value
         * @property {number} CONFIRMATION_STATE_CONFIRMED=1 CONFIRMATION_STATE_CONFIRMED value
         * @property {number} CONFIRMATION_STATE_NOT_CONFIRMED=2 CONFIRMATION_STATE_NOT_CONFIRMED value
         * @property {number} CONFIRMATION_STATE_ANSWER_BY=3 CONFIRMATION_STATE_ANSWER_BY value
         * @property {number} CONFIRMATION_STATE_ESCALATED=4 CONFIRMATION_STATE_ESCALATED value
         */
        v1.ConfirmationState = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CONFIRMATION_STATE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "CONFIRMATION_STATE_CONFIRMED"] = 1;
            values[valuesById[2] = "CONFIRMATION_STATE_NOT_CONFIRMED"] = 2;
            values[valuesById[3] = "CONFIRMATION_STATE_ANSWER_BY"] = 3;
            values[valuesById[4] = "CONFIRMATION_STATE_ESCALATED"] = 4;
            return values;
        })();

        v1.HitConfirmationResponse = (function() {

            /**
             * Properties of a HitConfirmationResponse.
             * @typedef {Object} clets.v1.HitConfirmationResponse.$Properties
             * @property {clets.v1.Header.$Properties|null} [header] HitConfirmationResponse header
             * @property {string|null} [confirmationId] HitConfirmationResponse confirmationId
             * @property {string|null} [recordId] HitConfirmationResponse recordId
             * @property {clets.v1.ConfirmationState|null} [state] HitConfirmationResponse state
             * @property {number|null} [answerByMs] HitConfirmationResponse answerByMs
             * @property {string|null} [respondingOri] HitConfirmationResponse respondingOri
             * @property {string|null} [text] HitConfirmationResponse text
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HitConfirmationResponse.
             * @memberof clets.v1
             * @interface IHitConfirmationResponse
             * @augments clets.v1.HitConfirmationResponse.$Properties
             * @deprecated Use clets.v1.HitConfirmationResponse.$Properties instead.
             */

            /**
             * Shape of a HitConfirmationResponse.
             * @typedef {clets.v1.HitConfirmationResponse.$Properties} clets.v1.HitConfirmationResponse.$Shape
             */

            /**
             * Constructs a new HitConfirmationResponse.
             * @memberof clets.v1
             * @classdesc Represents a HitConfirmationResponse.
             * @constructor
             * @param {clets.v1.HitConfirmationResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HitConfirmationResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HitConfirmationResponse header.
             * @member {clets.v1.Header.$Properties|null|undefined} header
             * @memberof clets.v1.HitConfirmationResponse
             * @instance
             */
            HitConfirmationResponse.prototype.header = null;

            /**
             * HitConfirmationResponse confirmationId.
             * @member {string} confirmationId
             * @memberof clets.v1.HitConfirmationResponse
             * @instance
             */
            HitConfirmationResponse.prototype.confirmationId = "";

            /**
             * HitConfirmationResponse recordId.
             * @member {string} recordId
             * @memberof clets.v1.HitConfirmationResponse
             * @instance
             */
            HitConfirmationResponse.prototype.recordId = "";

            /**
             * HitConfirmationResponse state.
             * @member {clets.v1.ConfirmationState} state
             * @memberof clets.v1.HitConfirmationResponse
             * @instance
             */
            HitConfirmationResponse.prototype.state = 0;

            /**
             * HitConfirmationResponse answerByMs.
             * @member {number} answerByMs
             * @memberof clets.v1.HitConfirmationResponse
             * @instance
             */
            HitConfirmationResponse.prototype.answerByMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * HitConfirmationResponse respondingOri.
             * @member {string} respondingOri
             * @memberof clets.v1.HitConfirmationResponse
             * @instance
             */
            HitConfirmationResponse.prototype.respondingOri = "";

            /**
             * HitConfirmationResponse text.
             * @member {string} text
             * @memberof clets.v1.HitConfirmationResponse
             * @instance
             */
            HitConfirmationResponse.prototype.text = "";

            /**
             * Creates a new HitConfirmationResponse instance using the specified properties.
             * @function create
             * @memberof clets.v1.HitConfirmationResponse
             * @static
             * @param {clets.v1.HitConfirmationResponse.$Properties=} [properties] Properties to set
             * @returns {clets.v1.HitConfirmationResponse} HitConfirmationResponse instance
             * @type {{
             *   (properties: clets.v1.HitConfirmationResponse.$Shape): clets.v1.HitConfirmationResponse & clets.v1.HitConfirmationResponse.$Shape;
             *   (properties?: clets.v1.HitConfirmationResponse.$Properties): clets.v1.HitConfirmationResponse;
             * }}
             */
            HitConfirmationResponse.create = function(properties) {
                return new HitConfirmationResponse(properties);
            };

            /**
             * Encodes the specified HitConfirmationResponse message. Does not implicitly {@link clets.v1.HitConfirmationResponse.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.HitConfirmationResponse
             * @static
             * @param {clets.v1.HitConfirmationResponse.$Properties} message HitConfirmationResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HitConfirmationResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    $root.clets.v1.Header.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.confirmationId != null && $Object.hasOwnProperty.call(message, "confirmationId") && message.confirmationId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.confirmationId);
                if (message.recordId != null && $Object.hasOwnProperty.call(message, "recordId") && message.recordId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.recordId);
                if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.state);
                if (message.answerByMs != null && $Object.hasOwnProperty.call(message, "answerByMs") && (typeof message.answerByMs === "object" ? message.answerByMs.low || message.answerByMs.high : message.answerByMs !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).int64(message.answerByMs);
                if (message.respondingOri != null && $Object.hasOwnProperty.call(message, "respondingOri") && message.respondingOri !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.respondingOri);
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.text);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a HitConfirmationResponse message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.HitConfirmationResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.HitConfirmationResponse & clets.v1.HitConfirmationResponse.$Shape} HitConfirmationResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HitConfirmationResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.HitConfirmationResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.header = $root.clets.v1.Header.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.confirmationId = value;
                            else
                                delete message.confirmationId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.recordId = value;
                            else
                                delete message.recordId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.state = value;
                            else
                                delete message.state;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.answerByMs = value;
                            else
                                delete message.answerByMs;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.respondingOri = value;
                            else
                                delete message.respondingOri;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a HitConfirmationResponse message.
             * @function verify
             * @memberof clets.v1.HitConfirmationResponse
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            HitConfirmationResponse.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.header != null && $Object.hasOwnProperty.call(message, "header")) {
                    let error = $root.clets.v1.Header.verify(message.header, _depth + 1);
                    if (error)
                        return "header." + error;
                }
                if (message.confirmationId != null && $Object.hasOwnProperty.call(message, "confirmationId"))
                    if (!$util.isString(message.confirmationId))
                        return "confirmationId: string expected";
                if (message.recordId != null && $Object.hasOwnProperty.call(message, "recordId"))
                    if (!$util.isString(message.recordId))
                        return "recordId: string expected";
                if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                    if (typeof message.state !== "number" || (message.state | 0) !== message.state)
                        return "state: enum value expected";
                if (message.answerByMs != null && $Object.hasOwnProperty.call(message, "answerByMs"))
                    if (!$util.isInteger(message.answerByMs) && !(message.answerByMs && $util.isInteger(message.answerByMs.low) && $util.isInteger(message.answerByMs.high)))
                        return "answerByMs: integer|Long expected";
                if (message.respondingOri != null && $Object.hasOwnProperty.call(message, "respondingOri"))
                    if (!$util.isString(message.respondingOri))
                        return "respondingOri: string expected";
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    if (!$util.isString(message.text))
                        return "text: string expected";
                return null;
            };

            /**
             * Creates a HitConfirmationResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.HitConfirmationResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.HitConfirmationResponse} HitConfirmationResponse
             */
            HitConfirmationResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.HitConfirmationResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.HitConfirmationResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.HitConfirmationResponse();
                if (object.header != null) {
                    if (!$util.isObject(object.header))
                        throw $TypeError(".clets.v1.HitConfirmationResponse.header: object expected");
                    message.header = $root.clets.v1.Header.fromObject(object.header, _depth + 1);
                }
                if (object.confirmationId != null)
                    if (typeof object.confirmationId !== "string" || object.confirmationId.length)
                        message.confirmationId = $String(object.confirmationId);
                if (object.recordId != null)
                    if (typeof object.recordId !== "string" || object.recordId.length)
                        message.recordId = $String(object.recordId);
                if (object.state !== 0 && (typeof object.state !== "string" || $root.clets.v1.ConfirmationState[object.state] !== 0))
                    switch (object.state) {
                    case "CONFIRMATION_STATE_UNSPECIFIED":
                    case 0:
                        message.state = 0;
                        break;
                    case "CONFIRMATION_STATE_CONFIRMED":
                    case 1:
                        message.state = 1;
                        break;
                    case "CONFIRMATION_STATE_NOT_CONFIRMED":
                    case 2:
                        message.state = 2;
                        break;
                    case "CONFIRMATION_STATE_ANSWER_BY":
                    case 3:
                        message.state = 3;
                        break;
                    case "CONFIRMATION_STATE_ESCALATED":
                    case 4:
                        message.state = 4;
                        break;
                    default:
                        if (typeof object.state === "number" && (object.state | 0) === object.state)
                            message.state = object.state;
                    }
                if (object.answerByMs != null)
                    if (typeof object.answerByMs === "object" ? object.answerByMs.low || object.answerByMs.high : $Number(object.answerByMs) !== 0)
                        if ($util.Long)
                            message.answerByMs = $util.Long.fromValue(object.answerByMs, false);
                        else if (typeof object.answerByMs === "string")
                            message.answerByMs = $parseInt(object.answerByMs, 10);
                        else if (typeof object.answerByMs === "number")
                            message.answerByMs = object.answerByMs;
                        else if (typeof object.answerByMs === "object")
                            message.answerByMs = new $util.LongBits(object.answerByMs.low >>> 0, object.answerByMs.high >>> 0).toNumber();
                if (object.respondingOri != null)
                    if (typeof object.respondingOri !== "string" || object.respondingOri.length)
                        message.respondingOri = $String(object.respondingOri);
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                return message;
            };

            /**
             * Creates a plain object from a HitConfirmationResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.HitConfirmationResponse
             * @static
             * @param {clets.v1.HitConfirmationResponse} message HitConfirmationResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HitConfirmationResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.header = null;
                    object.confirmationId = "";
                    object.recordId = "";
                    object.state = options.enums === $String ? "CONFIRMATION_STATE_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.answerByMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.answerByMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.respondingOri = "";
                    object.text = "";
                }
                if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                    object.header = $root.clets.v1.Header.toObject(message.header, options, _depth + 1);
                if (message.confirmationId != null && $Object.hasOwnProperty.call(message, "confirmationId"))
                    object.confirmationId = message.confirmationId;
                if (message.recordId != null && $Object.hasOwnProperty.call(message, "recordId"))
                    object.recordId = message.recordId;
                if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                    object.state = options.enums === $String ? $root.clets.v1.ConfirmationState[message.state] === $undefined ? message.state : $root.clets.v1.ConfirmationState[message.state] : message.state;
                if (message.answerByMs != null && $Object.hasOwnProperty.call(message, "answerByMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.answerByMs = typeof message.answerByMs === "number" ? $BigInt(message.answerByMs) : $util.Long.fromBits(message.answerByMs.low >>> 0, message.answerByMs.high >>> 0, false).toBigInt();
                    else if (typeof message.answerByMs === "number")
                        object.answerByMs = options.longs === $String ? $String(message.answerByMs) : message.answerByMs;
                    else
                        object.answerByMs = options.longs === $String ? $util.Long.prototype.toString.call(message.answerByMs) : options.longs === $Number ? new $util.LongBits(message.answerByMs.low >>> 0, message.answerByMs.high >>> 0).toNumber() : message.answerByMs;
                if (message.respondingOri != null && $Object.hasOwnProperty.call(message, "respondingOri"))
                    object.respondingOri = message.respondingOri;
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                return object;
            };

            /**
             * Converts this HitConfirmationResponse to JSON.
             * @function toJSON
             * @memberof clets.v1.HitConfirmationResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HitConfirmationResponse.prototype.toJSON = function() {
                return HitConfirmationResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return HitConfirmationResponse;
        })();

        /**
         * LinkState enum.
         * @name clets.v1.LinkState
         * @enum {number}
         * @property {number} LINK_STATE_UNSPECIFIED=0 LINK_STATE_UNSPECIFIED value
         * @property {number} LINK_STATE_UP=1 LINK_STATE_UP value
         * @property {number} LINK_STATE_DOWN=2 LINK_STATE_DOWN value
         */
        v1.LinkState = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "LINK_STATE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "LINK_STATE_UP"] = 1;
            values[valuesById[2] = "LINK_STATE_DOWN"] = 2;
            return values;
        })();

        v1.StatusMessage = (function() {

            /**
             * Properties of a StatusMessage.
             * @typedef {Object} clets.v1.StatusMessage.$Properties
             * @property {string|null} [system] StatusMessage system
             * @property {clets.v1.LinkState|null} [state] StatusMessage state
             * @property {number|null} [atMs] StatusMessage atMs
             * @property {string|null} [text] StatusMessage text
             * @property {string|null} [reportedBy] StatusMessage reportedBy
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StatusMessage.
             * @memberof clets.v1
             * @interface IStatusMessage
             * @augments clets.v1.StatusMessage.$Properties
             * @deprecated Use clets.v1.StatusMessage.$Properties instead.
             */

            /**
             * Shape of a StatusMessage.
             * @typedef {clets.v1.StatusMessage.$Properties} clets.v1.StatusMessage.$Shape
             */

            /**
             * Constructs a new StatusMessage.
             * @memberof clets.v1
             * @classdesc Represents a StatusMessage.
             * @constructor
             * @param {clets.v1.StatusMessage.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StatusMessage = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * StatusMessage system.
             * @member {string} system
             * @memberof clets.v1.StatusMessage
             * @instance
             */
            StatusMessage.prototype.system = "";

            /**
             * StatusMessage state.
             * @member {clets.v1.LinkState} state
             * @memberof clets.v1.StatusMessage
             * @instance
             */
            StatusMessage.prototype.state = 0;

            /**
             * StatusMessage atMs.
             * @member {number} atMs
             * @memberof clets.v1.StatusMessage
             * @instance
             */
            StatusMessage.prototype.atMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * StatusMessage text.
             * @member {string} text
             * @memberof clets.v1.StatusMessage
             * @instance
             */
            StatusMessage.prototype.text = "";

            /**
             * StatusMessage reportedBy.
             * @member {string} reportedBy
             * @memberof clets.v1.StatusMessage
             * @instance
             */
            StatusMessage.prototype.reportedBy = "";

            /**
             * Creates a new StatusMessage instance using the specified properties.
             * @function create
             * @memberof clets.v1.StatusMessage
             * @static
             * @param {clets.v1.StatusMessage.$Properties=} [properties] Properties to set
             * @returns {clets.v1.StatusMessage} StatusMessage instance
             * @type {{
             *   (properties: clets.v1.StatusMessage.$Shape): clets.v1.StatusMessage & clets.v1.StatusMessage.$Shape;
             *   (properties?: clets.v1.StatusMessage.$Properties): clets.v1.StatusMessage;
             * }}
             */
            StatusMessage.create = function(properties) {
                return new StatusMessage(properties);
            };

            /**
             * Encodes the specified StatusMessage message. Does not implicitly {@link clets.v1.StatusMessage.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.StatusMessage
             * @static
             * @param {clets.v1.StatusMessage.$Properties} message StatusMessage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StatusMessage.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.system != null && $Object.hasOwnProperty.call(message, "system") && message.system !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.system);
                if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.state);
                if (message.atMs != null && $Object.hasOwnProperty.call(message, "atMs") && (typeof message.atMs === "object" ? message.atMs.low || message.atMs.high : message.atMs !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).int64(message.atMs);
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.text);
                if (message.reportedBy != null && $Object.hasOwnProperty.call(message, "reportedBy") && message.reportedBy !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.reportedBy);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a StatusMessage message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.StatusMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.StatusMessage & clets.v1.StatusMessage.$Shape} StatusMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StatusMessage.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.StatusMessage();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.system = value;
                            else
                                delete message.system;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.state = value;
                            else
                                delete message.state;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.atMs = value;
                            else
                                delete message.atMs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reportedBy = value;
                            else
                                delete message.reportedBy;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a StatusMessage message.
             * @function verify
             * @memberof clets.v1.StatusMessage
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            StatusMessage.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.system != null && $Object.hasOwnProperty.call(message, "system"))
                    if (!$util.isString(message.system))
                        return "system: string expected";
                if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                    if (typeof message.state !== "number" || (message.state | 0) !== message.state)
                        return "state: enum value expected";
                if (message.atMs != null && $Object.hasOwnProperty.call(message, "atMs"))
                    if (!$util.isInteger(message.atMs) && !(message.atMs && $util.isInteger(message.atMs.low) && $util.isInteger(message.atMs.high)))
                        return "atMs: integer|Long expected";
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    if (!$util.isString(message.text))
                        return "text: string expected";
                if (message.reportedBy != null && $Object.hasOwnProperty.call(message, "reportedBy"))
                    if (!$util.isString(message.reportedBy))
                        return "reportedBy: string expected";
                return null;
            };

            /**
             * Creates a StatusMessage message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.StatusMessage
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.StatusMessage} StatusMessage
             */
            StatusMessage.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.StatusMessage)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.StatusMessage: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.StatusMessage();
                if (object.system != null)
                    if (typeof object.system !== "string" || object.system.length)
                        message.system = $String(object.system);
                if (object.state !== 0 && (typeof object.state !== "string" || $root.clets.v1.LinkState[object.state] !== 0))
                    switch (object.state) {
                    case "LINK_STATE_UNSPECIFIED":
                    case 0:
                        message.state = 0;
                        break;
                    case "LINK_STATE_UP":
                    case 1:
                        message.state = 1;
                        break;
                    case "LINK_STATE_DOWN":
                    case 2:
                        message.state = 2;
                        break;
                    default:
                        if (typeof object.state === "number" && (object.state | 0) === object.state)
                            message.state = object.state;
                    }
                if (object.atMs != null)
                    if (typeof object.atMs === "object" ? object.atMs.low || object.atMs.high : $Number(object.atMs) !== 0)
                        if ($util.Long)
                            message.atMs = $util.Long.fromValue(object.atMs, false);
                        else if (typeof object.atMs === "string")
                            message.atMs = $parseInt(object.atMs, 10);
                        else if (typeof object.atMs === "number")
                            message.atMs = object.atMs;
                        else if (typeof object.atMs === "object")
                            message.atMs = new $util.LongBits(object.atMs.low >>> 0, object.atMs.high >>> 0).toNumber();
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                if (object.reportedBy != null)
                    if (typeof object.reportedBy !== "string" || object.reportedBy.length)
                        message.reportedBy = $String(object.reportedBy);
                return message;
            };

            /**
             * Creates a plain object from a StatusMessage message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.StatusMessage
             * @static
             * @param {clets.v1.StatusMessage} message StatusMessage
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StatusMessage.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.system = "";
                    object.state = options.enums === $String ? "LINK_STATE_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.atMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.atMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.text = "";
                    object.reportedBy = "";
                }
                if (message.system != null && $Object.hasOwnProperty.call(message, "system"))
                    object.system = message.system;
                if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                    object.state = options.enums === $String ? $root.clets.v1.LinkState[message.state] === $undefined ? message.state : $root.clets.v1.LinkState[message.state] : message.state;
                if (message.atMs != null && $Object.hasOwnProperty.call(message, "atMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.atMs = typeof message.atMs === "number" ? $BigInt(message.atMs) : $util.Long.fromBits(message.atMs.low >>> 0, message.atMs.high >>> 0, false).toBigInt();
                    else if (typeof message.atMs === "number")
                        object.atMs = options.longs === $String ? $String(message.atMs) : message.atMs;
                    else
                        object.atMs = options.longs === $String ? $util.Long.prototype.toString.call(message.atMs) : options.longs === $Number ? new $util.LongBits(message.atMs.low >>> 0, message.atMs.high >>> 0).toNumber() : message.atMs;
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                if (message.reportedBy != null && $Object.hasOwnProperty.call(message, "reportedBy"))
                    object.reportedBy = message.reportedBy;
                return object;
            };

            /**
             * Converts this StatusMessage to JSON.
             * @function toJSON
             * @memberof clets.v1.StatusMessage
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StatusMessage.prototype.toJSON = function() {
                return StatusMessage.toObject(this, $protobuf.util.toJSONOptions);
            };

            return StatusMessage;
        })();

        v1.LinkHello = (function() {

            /**
             * Properties of a LinkHello.
             * @typedef {Object} clets.v1.LinkHello.$Properties
             * @property {string|null} [peerId] LinkHello peerId
             * @property {string|null} [secret] LinkHello secret
             * @property {string|null} [role] LinkHello role
             * @property {Array.<string>|null} [servedOris] LinkHello servedOris
             * @property {Array.<string>|null} [servedTerminals] LinkHello servedTerminals
             * @property {number|null} [protocolVersion] LinkHello protocolVersion
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LinkHello.
             * @memberof clets.v1
             * @interface ILinkHello
             * @augments clets.v1.LinkHello.$Properties
             * @deprecated Use clets.v1.LinkHello.$Properties instead.
             */

            /**
             * Shape of a LinkHello.
             * @typedef {clets.v1.LinkHello.$Properties} clets.v1.LinkHello.$Shape
             */

            /**
             * Constructs a new LinkHello.
             * @memberof clets.v1
             * @classdesc Represents a LinkHello.
             * @constructor
             * @param {clets.v1.LinkHello.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LinkHello = function (properties) {
                this.servedOris = [];
                this.servedTerminals = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LinkHello peerId.
             * @member {string} peerId
             * @memberof clets.v1.LinkHello
             * @instance
             */
            LinkHello.prototype.peerId = "";

            /**
             * LinkHello secret.
             * @member {string} secret
             * @memberof clets.v1.LinkHello
             * @instance
             */
            LinkHello.prototype.secret = "";

            /**
             * LinkHello role.
             * @member {string} role
             * @memberof clets.v1.LinkHello
             * @instance
             */
            LinkHello.prototype.role = "";

            /**
             * LinkHello servedOris.
             * @member {Array.<string>} servedOris
             * @memberof clets.v1.LinkHello
             * @instance
             */
            LinkHello.prototype.servedOris = $util.emptyArray;

            /**
             * LinkHello servedTerminals.
             * @member {Array.<string>} servedTerminals
             * @memberof clets.v1.LinkHello
             * @instance
             */
            LinkHello.prototype.servedTerminals = $util.emptyArray;

            /**
             * LinkHello protocolVersion.
             * @member {number} protocolVersion
             * @memberof clets.v1.LinkHello
             * @instance
             */
            LinkHello.prototype.protocolVersion = 0;

            /**
             * Creates a new LinkHello instance using the specified properties.
             * @function create
             * @memberof clets.v1.LinkHello
             * @static
             * @param {clets.v1.LinkHello.$Properties=} [properties] Properties to set
             * @returns {clets.v1.LinkHello} LinkHello instance
             * @type {{
             *   (properties: clets.v1.LinkHello.$Shape): clets.v1.LinkHello & clets.v1.LinkHello.$Shape;
             *   (properties?: clets.v1.LinkHello.$Properties): clets.v1.LinkHello;
             * }}
             */
            LinkHello.create = function(properties) {
                return new LinkHello(properties);
            };

            /**
             * Encodes the specified LinkHello message. Does not implicitly {@link clets.v1.LinkHello.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.LinkHello
             * @static
             * @param {clets.v1.LinkHello.$Properties} message LinkHello message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LinkHello.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.peerId != null && $Object.hasOwnProperty.call(message, "peerId") && message.peerId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.peerId);
                if (message.secret != null && $Object.hasOwnProperty.call(message, "secret") && message.secret !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.secret);
                if (message.role != null && $Object.hasOwnProperty.call(message, "role") && message.role !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.role);
                if (message.servedOris != null && message.servedOris.length)
                    for (let i = 0; i < message.servedOris.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).string(message.servedOris[i]);
                if (message.servedTerminals != null && message.servedTerminals.length)
                    for (let i = 0; i < message.servedTerminals.length; ++i)
                        writer.uint32(/* id 5, wireType 2 =*/42).string(message.servedTerminals[i]);
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.protocolVersion);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a LinkHello message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.LinkHello
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.LinkHello & clets.v1.LinkHello.$Shape} LinkHello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LinkHello.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.LinkHello();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.peerId = value;
                            else
                                delete message.peerId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.secret = value;
                            else
                                delete message.secret;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.role = value;
                            else
                                delete message.role;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.servedOris && message.servedOris.length))
                                message.servedOris = [];
                            message.servedOris.push(reader.stringVerify());
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.servedTerminals && message.servedTerminals.length))
                                message.servedTerminals = [];
                            message.servedTerminals.push(reader.stringVerify());
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a LinkHello message.
             * @function verify
             * @memberof clets.v1.LinkHello
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LinkHello.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.peerId != null && $Object.hasOwnProperty.call(message, "peerId"))
                    if (!$util.isString(message.peerId))
                        return "peerId: string expected";
                if (message.secret != null && $Object.hasOwnProperty.call(message, "secret"))
                    if (!$util.isString(message.secret))
                        return "secret: string expected";
                if (message.role != null && $Object.hasOwnProperty.call(message, "role"))
                    if (!$util.isString(message.role))
                        return "role: string expected";
                if (message.servedOris != null && $Object.hasOwnProperty.call(message, "servedOris")) {
                    if (!$Array.isArray(message.servedOris))
                        return "servedOris: array expected";
                    for (let i = 0; i < message.servedOris.length; ++i)
                        if (!$util.isString(message.servedOris[i]))
                            return "servedOris: string[] expected";
                }
                if (message.servedTerminals != null && $Object.hasOwnProperty.call(message, "servedTerminals")) {
                    if (!$Array.isArray(message.servedTerminals))
                        return "servedTerminals: array expected";
                    for (let i = 0; i < message.servedTerminals.length; ++i)
                        if (!$util.isString(message.servedTerminals[i]))
                            return "servedTerminals: string[] expected";
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                return null;
            };

            /**
             * Creates a LinkHello message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.LinkHello
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.LinkHello} LinkHello
             */
            LinkHello.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.LinkHello)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.LinkHello: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.LinkHello();
                if (object.peerId != null)
                    if (typeof object.peerId !== "string" || object.peerId.length)
                        message.peerId = $String(object.peerId);
                if (object.secret != null)
                    if (typeof object.secret !== "string" || object.secret.length)
                        message.secret = $String(object.secret);
                if (object.role != null)
                    if (typeof object.role !== "string" || object.role.length)
                        message.role = $String(object.role);
                if (object.servedOris) {
                    if (!$Array.isArray(object.servedOris))
                        throw $TypeError(".clets.v1.LinkHello.servedOris: array expected");
                    message.servedOris = $Array(object.servedOris.length);
                    for (let i = 0; i < object.servedOris.length; ++i)
                        message.servedOris[i] = $String(object.servedOris[i]);
                }
                if (object.servedTerminals) {
                    if (!$Array.isArray(object.servedTerminals))
                        throw $TypeError(".clets.v1.LinkHello.servedTerminals: array expected");
                    message.servedTerminals = $Array(object.servedTerminals.length);
                    for (let i = 0; i < object.servedTerminals.length; ++i)
                        message.servedTerminals[i] = $String(object.servedTerminals[i]);
                }
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a LinkHello message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.LinkHello
             * @static
             * @param {clets.v1.LinkHello} message LinkHello
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LinkHello.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.servedOris = [];
                    object.servedTerminals = [];
                }
                if (options.defaults) {
                    object.peerId = "";
                    object.secret = "";
                    object.role = "";
                    object.protocolVersion = 0;
                }
                if (message.peerId != null && $Object.hasOwnProperty.call(message, "peerId"))
                    object.peerId = message.peerId;
                if (message.secret != null && $Object.hasOwnProperty.call(message, "secret"))
                    object.secret = message.secret;
                if (message.role != null && $Object.hasOwnProperty.call(message, "role"))
                    object.role = message.role;
                if (message.servedOris && message.servedOris.length) {
                    object.servedOris = $Array(message.servedOris.length);
                    for (let j = 0; j < message.servedOris.length; ++j)
                        object.servedOris[j] = message.servedOris[j];
                }
                if (message.servedTerminals && message.servedTerminals.length) {
                    object.servedTerminals = $Array(message.servedTerminals.length);
                    for (let j = 0; j < message.servedTerminals.length; ++j)
                        object.servedTerminals[j] = message.servedTerminals[j];
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                return object;
            };

            /**
             * Converts this LinkHello to JSON.
             * @function toJSON
             * @memberof clets.v1.LinkHello
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LinkHello.prototype.toJSON = function() {
                return LinkHello.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LinkHello;
        })();

        v1.LinkWelcome = (function() {

            /**
             * Properties of a LinkWelcome.
             * @typedef {Object} clets.v1.LinkWelcome.$Properties
             * @property {boolean|null} [ok] LinkWelcome ok
             * @property {Array.<string>|null} [systems] LinkWelcome systems
             * @property {string|null} [code] LinkWelcome code
             * @property {string|null} [reason] LinkWelcome reason
             * @property {string|null} [peerId] LinkWelcome peerId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LinkWelcome.
             * @memberof clets.v1
             * @interface ILinkWelcome
             * @augments clets.v1.LinkWelcome.$Properties
             * @deprecated Use clets.v1.LinkWelcome.$Properties instead.
             */

            /**
             * Shape of a LinkWelcome.
             * @typedef {clets.v1.LinkWelcome.$Properties} clets.v1.LinkWelcome.$Shape
             */

            /**
             * Constructs a new LinkWelcome.
             * @memberof clets.v1
             * @classdesc Represents a LinkWelcome.
             * @constructor
             * @param {clets.v1.LinkWelcome.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LinkWelcome = function (properties) {
                this.systems = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LinkWelcome ok.
             * @member {boolean} ok
             * @memberof clets.v1.LinkWelcome
             * @instance
             */
            LinkWelcome.prototype.ok = false;

            /**
             * LinkWelcome systems.
             * @member {Array.<string>} systems
             * @memberof clets.v1.LinkWelcome
             * @instance
             */
            LinkWelcome.prototype.systems = $util.emptyArray;

            /**
             * LinkWelcome code.
             * @member {string} code
             * @memberof clets.v1.LinkWelcome
             * @instance
             */
            LinkWelcome.prototype.code = "";

            /**
             * LinkWelcome reason.
             * @member {string} reason
             * @memberof clets.v1.LinkWelcome
             * @instance
             */
            LinkWelcome.prototype.reason = "";

            /**
             * LinkWelcome peerId.
             * @member {string} peerId
             * @memberof clets.v1.LinkWelcome
             * @instance
             */
            LinkWelcome.prototype.peerId = "";

            /**
             * Creates a new LinkWelcome instance using the specified properties.
             * @function create
             * @memberof clets.v1.LinkWelcome
             * @static
             * @param {clets.v1.LinkWelcome.$Properties=} [properties] Properties to set
             * @returns {clets.v1.LinkWelcome} LinkWelcome instance
             * @type {{
             *   (properties: clets.v1.LinkWelcome.$Shape): clets.v1.LinkWelcome & clets.v1.LinkWelcome.$Shape;
             *   (properties?: clets.v1.LinkWelcome.$Properties): clets.v1.LinkWelcome;
             * }}
             */
            LinkWelcome.create = function(properties) {
                return new LinkWelcome(properties);
            };

            /**
             * Encodes the specified LinkWelcome message. Does not implicitly {@link clets.v1.LinkWelcome.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.LinkWelcome
             * @static
             * @param {clets.v1.LinkWelcome.$Properties} message LinkWelcome message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LinkWelcome.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok") && message.ok !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.ok);
                if (message.systems != null && message.systems.length)
                    for (let i = 0; i < message.systems.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.systems[i]);
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.code);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.reason);
                if (message.peerId != null && $Object.hasOwnProperty.call(message, "peerId") && message.peerId !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.peerId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a LinkWelcome message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.LinkWelcome
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.LinkWelcome & clets.v1.LinkWelcome.$Shape} LinkWelcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LinkWelcome.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.LinkWelcome();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.ok = value;
                            else
                                delete message.ok;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.systems && message.systems.length))
                                message.systems = [];
                            message.systems.push(reader.stringVerify());
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.peerId = value;
                            else
                                delete message.peerId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a LinkWelcome message.
             * @function verify
             * @memberof clets.v1.LinkWelcome
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LinkWelcome.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                    if (typeof message.ok !== "boolean")
                        return "ok: boolean expected";
                if (message.systems != null && $Object.hasOwnProperty.call(message, "systems")) {
                    if (!$Array.isArray(message.systems))
                        return "systems: array expected";
                    for (let i = 0; i < message.systems.length; ++i)
                        if (!$util.isString(message.systems[i]))
                            return "systems: string[] expected";
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    if (!$util.isString(message.code))
                        return "code: string expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                if (message.peerId != null && $Object.hasOwnProperty.call(message, "peerId"))
                    if (!$util.isString(message.peerId))
                        return "peerId: string expected";
                return null;
            };

            /**
             * Creates a LinkWelcome message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.LinkWelcome
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.LinkWelcome} LinkWelcome
             */
            LinkWelcome.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.LinkWelcome)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.LinkWelcome: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.LinkWelcome();
                if (object.ok != null)
                    if (object.ok)
                        message.ok = $Boolean(object.ok);
                if (object.systems) {
                    if (!$Array.isArray(object.systems))
                        throw $TypeError(".clets.v1.LinkWelcome.systems: array expected");
                    message.systems = $Array(object.systems.length);
                    for (let i = 0; i < object.systems.length; ++i)
                        message.systems[i] = $String(object.systems[i]);
                }
                if (object.code != null)
                    if (typeof object.code !== "string" || object.code.length)
                        message.code = $String(object.code);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.peerId != null)
                    if (typeof object.peerId !== "string" || object.peerId.length)
                        message.peerId = $String(object.peerId);
                return message;
            };

            /**
             * Creates a plain object from a LinkWelcome message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.LinkWelcome
             * @static
             * @param {clets.v1.LinkWelcome} message LinkWelcome
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LinkWelcome.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.systems = [];
                if (options.defaults) {
                    object.ok = false;
                    object.code = "";
                    object.reason = "";
                    object.peerId = "";
                }
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                    object.ok = message.ok;
                if (message.systems && message.systems.length) {
                    object.systems = $Array(message.systems.length);
                    for (let j = 0; j < message.systems.length; ++j)
                        object.systems[j] = message.systems[j];
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.peerId != null && $Object.hasOwnProperty.call(message, "peerId"))
                    object.peerId = message.peerId;
                return object;
            };

            /**
             * Converts this LinkWelcome to JSON.
             * @function toJSON
             * @memberof clets.v1.LinkWelcome
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LinkWelcome.prototype.toJSON = function() {
                return LinkWelcome.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LinkWelcome;
        })();

        v1.LinkRequest = (function() {

            /**
             * Properties of a LinkRequest.
             * @typedef {Object} clets.v1.LinkRequest.$Properties
             * @property {string|null} [requestId] LinkRequest requestId
             * @property {clets.v1.Transaction.$Properties|null} [transaction] LinkRequest transaction
             * @property {string|null} [system] LinkRequest system
             * @property {number|null} [deadlineMs] LinkRequest deadlineMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LinkRequest.
             * @memberof clets.v1
             * @interface ILinkRequest
             * @augments clets.v1.LinkRequest.$Properties
             * @deprecated Use clets.v1.LinkRequest.$Properties instead.
             */

            /**
             * Shape of a LinkRequest.
             * @typedef {clets.v1.LinkRequest.$Properties} clets.v1.LinkRequest.$Shape
             */

            /**
             * Constructs a new LinkRequest.
             * @memberof clets.v1
             * @classdesc Represents a LinkRequest.
             * @constructor
             * @param {clets.v1.LinkRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LinkRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LinkRequest requestId.
             * @member {string} requestId
             * @memberof clets.v1.LinkRequest
             * @instance
             */
            LinkRequest.prototype.requestId = "";

            /**
             * LinkRequest transaction.
             * @member {clets.v1.Transaction.$Properties|null|undefined} transaction
             * @memberof clets.v1.LinkRequest
             * @instance
             */
            LinkRequest.prototype.transaction = null;

            /**
             * LinkRequest system.
             * @member {string} system
             * @memberof clets.v1.LinkRequest
             * @instance
             */
            LinkRequest.prototype.system = "";

            /**
             * LinkRequest deadlineMs.
             * @member {number} deadlineMs
             * @memberof clets.v1.LinkRequest
             * @instance
             */
            LinkRequest.prototype.deadlineMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new LinkRequest instance using the specified properties.
             * @function create
             * @memberof clets.v1.LinkRequest
             * @static
             * @param {clets.v1.LinkRequest.$Properties=} [properties] Properties to set
             * @returns {clets.v1.LinkRequest} LinkRequest instance
             * @type {{
             *   (properties: clets.v1.LinkRequest.$Shape): clets.v1.LinkRequest & clets.v1.LinkRequest.$Shape;
             *   (properties?: clets.v1.LinkRequest.$Properties): clets.v1.LinkRequest;
             * }}
             */
            LinkRequest.create = function(properties) {
                return new LinkRequest(properties);
            };

            /**
             * Encodes the specified LinkRequest message. Does not implicitly {@link clets.v1.LinkRequest.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.LinkRequest
             * @static
             * @param {clets.v1.LinkRequest.$Properties} message LinkRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LinkRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && message.requestId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.requestId);
                if (message.transaction != null && $Object.hasOwnProperty.call(message, "transaction"))
                    $root.clets.v1.Transaction.encode(message.transaction, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.system != null && $Object.hasOwnProperty.call(message, "system") && message.system !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.system);
                if (message.deadlineMs != null && $Object.hasOwnProperty.call(message, "deadlineMs") && (typeof message.deadlineMs === "object" ? message.deadlineMs.low || message.deadlineMs.high : message.deadlineMs !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).int64(message.deadlineMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a LinkRequest message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.LinkRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.LinkRequest & clets.v1.LinkRequest.$Shape} LinkRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LinkRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.LinkRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.transaction = $root.clets.v1.Transaction.decode(reader, reader.size(), $undefined, _depth + 1, message.transaction);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.system = value;
                            else
                                delete message.system;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.deadlineMs = value;
                            else
                                delete message.deadlineMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a LinkRequest message.
             * @function verify
             * @memberof clets.v1.LinkRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LinkRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (!$util.isString(message.requestId))
                        return "requestId: string expected";
                if (message.transaction != null && $Object.hasOwnProperty.call(message, "transaction")) {
                    let error = $root.clets.v1.Transaction.verify(message.transaction, _depth + 1);
                    if (error)
                        return "transaction." + error;
                }
                if (message.system != null && $Object.hasOwnProperty.call(message, "system"))
                    if (!$util.isString(message.system))
                        return "system: string expected";
                if (message.deadlineMs != null && $Object.hasOwnProperty.call(message, "deadlineMs"))
                    if (!$util.isInteger(message.deadlineMs) && !(message.deadlineMs && $util.isInteger(message.deadlineMs.low) && $util.isInteger(message.deadlineMs.high)))
                        return "deadlineMs: integer|Long expected";
                return null;
            };

            /**
             * Creates a LinkRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.LinkRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.LinkRequest} LinkRequest
             */
            LinkRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.LinkRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.LinkRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.LinkRequest();
                if (object.requestId != null)
                    if (typeof object.requestId !== "string" || object.requestId.length)
                        message.requestId = $String(object.requestId);
                if (object.transaction != null) {
                    if (!$util.isObject(object.transaction))
                        throw $TypeError(".clets.v1.LinkRequest.transaction: object expected");
                    message.transaction = $root.clets.v1.Transaction.fromObject(object.transaction, _depth + 1);
                }
                if (object.system != null)
                    if (typeof object.system !== "string" || object.system.length)
                        message.system = $String(object.system);
                if (object.deadlineMs != null)
                    if (typeof object.deadlineMs === "object" ? object.deadlineMs.low || object.deadlineMs.high : $Number(object.deadlineMs) !== 0)
                        if ($util.Long)
                            message.deadlineMs = $util.Long.fromValue(object.deadlineMs, false);
                        else if (typeof object.deadlineMs === "string")
                            message.deadlineMs = $parseInt(object.deadlineMs, 10);
                        else if (typeof object.deadlineMs === "number")
                            message.deadlineMs = object.deadlineMs;
                        else if (typeof object.deadlineMs === "object")
                            message.deadlineMs = new $util.LongBits(object.deadlineMs.low >>> 0, object.deadlineMs.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from a LinkRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.LinkRequest
             * @static
             * @param {clets.v1.LinkRequest} message LinkRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LinkRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.requestId = "";
                    object.transaction = null;
                    object.system = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.deadlineMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.deadlineMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    object.requestId = message.requestId;
                if (message.transaction != null && $Object.hasOwnProperty.call(message, "transaction"))
                    object.transaction = $root.clets.v1.Transaction.toObject(message.transaction, options, _depth + 1);
                if (message.system != null && $Object.hasOwnProperty.call(message, "system"))
                    object.system = message.system;
                if (message.deadlineMs != null && $Object.hasOwnProperty.call(message, "deadlineMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.deadlineMs = typeof message.deadlineMs === "number" ? $BigInt(message.deadlineMs) : $util.Long.fromBits(message.deadlineMs.low >>> 0, message.deadlineMs.high >>> 0, false).toBigInt();
                    else if (typeof message.deadlineMs === "number")
                        object.deadlineMs = options.longs === $String ? $String(message.deadlineMs) : message.deadlineMs;
                    else
                        object.deadlineMs = options.longs === $String ? $util.Long.prototype.toString.call(message.deadlineMs) : options.longs === $Number ? new $util.LongBits(message.deadlineMs.low >>> 0, message.deadlineMs.high >>> 0).toNumber() : message.deadlineMs;
                return object;
            };

            /**
             * Converts this LinkRequest to JSON.
             * @function toJSON
             * @memberof clets.v1.LinkRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LinkRequest.prototype.toJSON = function() {
                return LinkRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LinkRequest;
        })();

        v1.LinkReply = (function() {

            /**
             * Properties of a LinkReply.
             * @typedef {Object} clets.v1.LinkReply.$Properties
             * @property {string|null} [requestId] LinkReply requestId
             * @property {Array.<clets.v1.Response.$Properties>|null} [responses] LinkReply responses
             * @property {clets.v1.Reject.$Properties|null} [reject] LinkReply reject
             * @property {clets.v1.QueuedNotice.$Properties|null} [queued] LinkReply queued
             * @property {Array.<clets.v1.DeliveryReport.$Properties>|null} [deliveryReports] LinkReply deliveryReports
             * @property {boolean|null} [final] LinkReply final
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LinkReply.
             * @memberof clets.v1
             * @interface ILinkReply
             * @augments clets.v1.LinkReply.$Properties
             * @deprecated Use clets.v1.LinkReply.$Properties instead.
             */

            /**
             * Shape of a LinkReply.
             * @typedef {clets.v1.LinkReply.$Properties} clets.v1.LinkReply.$Shape
             */

            /**
             * Constructs a new LinkReply.
             * @memberof clets.v1
             * @classdesc Represents a LinkReply.
             * @constructor
             * @param {clets.v1.LinkReply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LinkReply = function (properties) {
                this.responses = [];
                this.deliveryReports = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LinkReply requestId.
             * @member {string} requestId
             * @memberof clets.v1.LinkReply
             * @instance
             */
            LinkReply.prototype.requestId = "";

            /**
             * LinkReply responses.
             * @member {Array.<clets.v1.Response.$Properties>} responses
             * @memberof clets.v1.LinkReply
             * @instance
             */
            LinkReply.prototype.responses = $util.emptyArray;

            /**
             * LinkReply reject.
             * @member {clets.v1.Reject.$Properties|null|undefined} reject
             * @memberof clets.v1.LinkReply
             * @instance
             */
            LinkReply.prototype.reject = null;

            /**
             * LinkReply queued.
             * @member {clets.v1.QueuedNotice.$Properties|null|undefined} queued
             * @memberof clets.v1.LinkReply
             * @instance
             */
            LinkReply.prototype.queued = null;

            /**
             * LinkReply deliveryReports.
             * @member {Array.<clets.v1.DeliveryReport.$Properties>} deliveryReports
             * @memberof clets.v1.LinkReply
             * @instance
             */
            LinkReply.prototype.deliveryReports = $util.emptyArray;

            /**
             * LinkReply final.
             * @member {boolean} final
             * @memberof clets.v1.LinkReply
             * @instance
             */
            LinkReply.prototype.final = false;

            /**
             * Creates a new LinkReply instance using the specified properties.
             * @function create
             * @memberof clets.v1.LinkReply
             * @static
             * @param {clets.v1.LinkReply.$Properties=} [properties] Properties to set
             * @returns {clets.v1.LinkReply} LinkReply instance
             * @type {{
             *   (properties: clets.v1.LinkReply.$Shape): clets.v1.LinkReply & clets.v1.LinkReply.$Shape;
             *   (properties?: clets.v1.LinkReply.$Properties): clets.v1.LinkReply;
             * }}
             */
            LinkReply.create = function(properties) {
                return new LinkReply(properties);
            };

            /**
             * Encodes the specified LinkReply message. Does not implicitly {@link clets.v1.LinkReply.verify|verify} messages.
             * @function encode
             * @memberof clets.v1.LinkReply
             * @static
             * @param {clets.v1.LinkReply.$Properties} message LinkReply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LinkReply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && message.requestId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.requestId);
                if (message.responses != null && message.responses.length)
                    for (let i = 0; i < message.responses.length; ++i)
                        $root.clets.v1.Response.encode(message.responses[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.reject != null && $Object.hasOwnProperty.call(message, "reject"))
                    $root.clets.v1.Reject.encode(message.reject, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.queued != null && $Object.hasOwnProperty.call(message, "queued"))
                    $root.clets.v1.QueuedNotice.encode(message.queued, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.deliveryReports != null && message.deliveryReports.length)
                    for (let i = 0; i < message.deliveryReports.length; ++i)
                        $root.clets.v1.DeliveryReport.encode(message.deliveryReports[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.final != null && $Object.hasOwnProperty.call(message, "final") && message.final !== false)
                    writer.uint32(/* id 6, wireType 0 =*/48).bool(message.final);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a LinkReply message from the specified reader or buffer.
             * @function decode
             * @memberof clets.v1.LinkReply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {clets.v1.LinkReply & clets.v1.LinkReply.$Shape} LinkReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LinkReply.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.clets.v1.LinkReply();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.responses && message.responses.length))
                                message.responses = [];
                            message.responses.push($root.clets.v1.Response.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.reject = $root.clets.v1.Reject.decode(reader, reader.size(), $undefined, _depth + 1, message.reject);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.queued = $root.clets.v1.QueuedNotice.decode(reader, reader.size(), $undefined, _depth + 1, message.queued);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.deliveryReports && message.deliveryReports.length))
                                message.deliveryReports = [];
                            message.deliveryReports.push($root.clets.v1.DeliveryReport.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.final = value;
                            else
                                delete message.final;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Verifies a LinkReply message.
             * @function verify
             * @memberof clets.v1.LinkReply
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LinkReply.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (!$util.isString(message.requestId))
                        return "requestId: string expected";
                if (message.responses != null && $Object.hasOwnProperty.call(message, "responses")) {
                    if (!$Array.isArray(message.responses))
                        return "responses: array expected";
                    for (let i = 0; i < message.responses.length; ++i) {
                        let error = $root.clets.v1.Response.verify(message.responses[i], _depth + 1);
                        if (error)
                            return "responses." + error;
                    }
                }
                if (message.reject != null && $Object.hasOwnProperty.call(message, "reject")) {
                    let error = $root.clets.v1.Reject.verify(message.reject, _depth + 1);
                    if (error)
                        return "reject." + error;
                }
                if (message.queued != null && $Object.hasOwnProperty.call(message, "queued")) {
                    let error = $root.clets.v1.QueuedNotice.verify(message.queued, _depth + 1);
                    if (error)
                        return "queued." + error;
                }
                if (message.deliveryReports != null && $Object.hasOwnProperty.call(message, "deliveryReports")) {
                    if (!$Array.isArray(message.deliveryReports))
                        return "deliveryReports: array expected";
                    for (let i = 0; i < message.deliveryReports.length; ++i) {
                        let error = $root.clets.v1.DeliveryReport.verify(message.deliveryReports[i], _depth + 1);
                        if (error)
                            return "deliveryReports." + error;
                    }
                }
                if (message.final != null && $Object.hasOwnProperty.call(message, "final"))
                    if (typeof message.final !== "boolean")
                        return "final: boolean expected";
                return null;
            };

            /**
             * Creates a LinkReply message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof clets.v1.LinkReply
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {clets.v1.LinkReply} LinkReply
             */
            LinkReply.fromObject = function (object, _depth) {
                if (object instanceof $root.clets.v1.LinkReply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".clets.v1.LinkReply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.clets.v1.LinkReply();
                if (object.requestId != null)
                    if (typeof object.requestId !== "string" || object.requestId.length)
                        message.requestId = $String(object.requestId);
                if (object.responses) {
                    if (!$Array.isArray(object.responses))
                        throw $TypeError(".clets.v1.LinkReply.responses: array expected");
                    message.responses = $Array(object.responses.length);
                    for (let i = 0; i < object.responses.length; ++i) {
                        if (!$util.isObject(object.responses[i]))
                            throw $TypeError(".clets.v1.LinkReply.responses: object expected");
                        message.responses[i] = $root.clets.v1.Response.fromObject(object.responses[i], _depth + 1);
                    }
                }
                if (object.reject != null) {
                    if (!$util.isObject(object.reject))
                        throw $TypeError(".clets.v1.LinkReply.reject: object expected");
                    message.reject = $root.clets.v1.Reject.fromObject(object.reject, _depth + 1);
                }
                if (object.queued != null) {
                    if (!$util.isObject(object.queued))
                        throw $TypeError(".clets.v1.LinkReply.queued: object expected");
                    message.queued = $root.clets.v1.QueuedNotice.fromObject(object.queued, _depth + 1);
                }
                if (object.deliveryReports) {
                    if (!$Array.isArray(object.deliveryReports))
                        throw $TypeError(".clets.v1.LinkReply.deliveryReports: array expected");
                    message.deliveryReports = $Array(object.deliveryReports.length);
                    for (let i = 0; i < object.deliveryReports.length; ++i) {
                        if (!$util.isObject(object.deliveryReports[i]))
                            throw $TypeError(".clets.v1.LinkReply.deliveryReports: object expected");
                        message.deliveryReports[i] = $root.clets.v1.DeliveryReport.fromObject(object.deliveryReports[i], _depth + 1);
                    }
                }
                if (object.final != null)
                    if (object.final)
                        message.final = $Boolean(object.final);
                return message;
            };

            /**
             * Creates a plain object from a LinkReply message. Also converts values to other types if specified.
             * @function toObject
             * @memberof clets.v1.LinkReply
             * @static
             * @param {clets.v1.LinkReply} message LinkReply
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LinkReply.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.responses = [];
                    object.deliveryReports = [];
                }
                if (options.defaults) {
                    object.requestId = "";
                    object.reject = null;
                    object.queued = null;
                    object.final = false;
                }
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    object.requestId = message.requestId;
                if (message.responses && message.responses.length) {
                    object.responses = $Array(message.responses.length);
                    for (let j = 0; j < message.responses.length; ++j)
                        object.responses[j] = $root.clets.v1.Response.toObject(message.responses[j], options, _depth + 1);
                }
                if (message.reject != null && $Object.hasOwnProperty.call(message, "reject"))
                    object.reject = $root.clets.v1.Reject.toObject(message.reject, options, _depth + 1);
                if (message.queued != null && $Object.hasOwnProperty.call(message, "queued"))
                    object.queued = $root.clets.v1.QueuedNotice.toObject(message.queued, options, _depth + 1);
                if (message.deliveryReports && message.deliveryReports.length) {
                    object.deliveryReports = $Array(message.deliveryReports.length);
                    for (let j = 0; j < message.deliveryReports.length; ++j)
                        object.deliveryReports[j] = $root.clets.v1.DeliveryReport.toObject(message.deliveryReports[j], options, _depth + 1);
                }
                if (message.final != null && $Object.hasOwnProperty.call(message, "final"))
                    object.final = message.final;
                return object;
            };

            /**
             * Converts this LinkReply to JSON.
             * @function toJSON
             * @memberof clets.v1.LinkReply
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LinkReply.prototype.toJSON = function() {
                return LinkReply.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LinkReply;
        })();

        return v1;
    })();

    return clets;
})();

export {
  $root as default
};
