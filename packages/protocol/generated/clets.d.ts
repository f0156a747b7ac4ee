// GENERATED FILE - DO NOT EDIT.
// Source: proto/clets/v1/clets.proto
// Regenerate with `pnpm gen` (scripts/gen-proto.mjs); CI fails when this file is stale.
import * as $protobuf from "protobufjs";

/** Namespace clets. */
export namespace clets {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of a Frame.
         * @deprecated Use clets.v1.Frame.$Properties instead.
         */
        interface IFrame extends clets.v1.Frame.$Properties {
        }

        /** Represents a Frame. */
        class Frame {

            /**
             * Constructs a new Frame.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.Frame.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Frame linkSeq. */
            linkSeq: number;

            /** Frame terminalHello. */
            terminalHello?: (clets.v1.TerminalHello.$Properties|null);

            /** Frame loginBanner. */
            loginBanner?: (clets.v1.LoginBanner.$Properties|null);

            /** Frame bannerAck. */
            bannerAck?: (clets.v1.BannerAck.$Properties|null);

            /** Frame operatorLogin. */
            operatorLogin?: (clets.v1.OperatorLogin.$Properties|null);

            /** Frame secondFactorChallenge. */
            secondFactorChallenge?: (clets.v1.SecondFactorChallenge.$Properties|null);

            /** Frame secondFactorAnswer. */
            secondFactorAnswer?: (clets.v1.SecondFactorAnswer.$Properties|null);

            /** Frame loginResult. */
            loginResult?: (clets.v1.LoginResult.$Properties|null);

            /** Frame logout. */
            logout?: (clets.v1.Logout.$Properties|null);

            /** Frame heartbeat. */
            heartbeat?: (clets.v1.Heartbeat.$Properties|null);

            /** Frame transaction. */
            transaction?: (clets.v1.Transaction.$Properties|null);

            /** Frame receipt. */
            receipt?: (clets.v1.Receipt.$Properties|null);

            /** Frame response. */
            response?: (clets.v1.Response.$Properties|null);

            /** Frame completion. */
            completion?: (clets.v1.Completion.$Properties|null);

            /** Frame reject. */
            reject?: (clets.v1.Reject.$Properties|null);

            /** Frame queuedNotice. */
            queuedNotice?: (clets.v1.QueuedNotice.$Properties|null);

            /** Frame adminMessage. */
            adminMessage?: (clets.v1.AdminMessage.$Properties|null);

            /** Frame deliveryReport. */
            deliveryReport?: (clets.v1.DeliveryReport.$Properties|null);

            /** Frame hitConfirmationRequest. */
            hitConfirmationRequest?: (clets.v1.HitConfirmationRequest.$Properties|null);

            /** Frame hitConfirmationResponse. */
            hitConfirmationResponse?: (clets.v1.HitConfirmationResponse.$Properties|null);

            /** Frame statusMessage. */
            statusMessage?: (clets.v1.StatusMessage.$Properties|null);

            /** Frame linkHello. */
            linkHello?: (clets.v1.LinkHello.$Properties|null);

            /** Frame linkWelcome. */
            linkWelcome?: (clets.v1.LinkWelcome.$Properties|null);

            /** Frame linkRequest. */
            linkRequest?: (clets.v1.LinkRequest.$Properties|null);

            /** Frame linkReply. */
            linkReply?: (clets.v1.LinkReply.$Properties|null);

            /** Frame body. */
            body?: ("terminalHello"|"loginBanner"|"bannerAck"|"operatorLogin"|"secondFactorChallenge"|"secondFactorAnswer"|"loginResult"|"logout"|"heartbeat"|"transaction"|"receipt"|"response"|"completion"|"reject"|"queuedNotice"|"adminMessage"|"deliveryReport"|"hitConfirmationRequest"|"hitConfirmationResponse"|"statusMessage"|"linkHello"|"linkWelcome"|"linkRequest"|"linkReply");

            /**
             * Creates a new Frame instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Frame instance
             */
            static create(properties: clets.v1.Frame.$Shape): clets.v1.Frame & clets.v1.Frame.$Shape;
            static create(properties?: clets.v1.Frame.$Properties): clets.v1.Frame;

            /**
             * Encodes the specified Frame message. Does not implicitly {@link clets.v1.Frame.verify|verify} messages.
             * @param message Frame message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.Frame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Frame message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.Frame & clets.v1.Frame.$Shape} Frame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.Frame & clets.v1.Frame.$Shape;

            /**
             * Verifies a Frame message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Frame message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Frame
             */
            static fromObject(object: { [k: string]: any }): clets.v1.Frame;

            /**
             * Creates a plain object from a Frame message. Also converts values to other types if specified.
             * @param message Frame
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.Frame, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Frame to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Frame {

            /** Properties of a Frame. */
            interface $Properties {

                /** Frame linkSeq */
                linkSeq?: (number|null);

                /** Frame terminalHello */
                terminalHello?: (clets.v1.TerminalHello.$Properties|null);

                /** Frame loginBanner */
                loginBanner?: (clets.v1.LoginBanner.$Properties|null);

                /** Frame bannerAck */
                bannerAck?: (clets.v1.BannerAck.$Properties|null);

                /** Frame operatorLogin */
                operatorLogin?: (clets.v1.OperatorLogin.$Properties|null);

                /** Frame secondFactorChallenge */
                secondFactorChallenge?: (clets.v1.SecondFactorChallenge.$Properties|null);

                /** Frame secondFactorAnswer */
                secondFactorAnswer?: (clets.v1.SecondFactorAnswer.$Properties|null);

                /** Frame loginResult */
                loginResult?: (clets.v1.LoginResult.$Properties|null);

                /** Frame logout */
                logout?: (clets.v1.Logout.$Properties|null);

                /** Frame heartbeat */
                heartbeat?: (clets.v1.Heartbeat.$Properties|null);

                /** Frame transaction */
                transaction?: (clets.v1.Transaction.$Properties|null);

                /** Frame receipt */
                receipt?: (clets.v1.Receipt.$Properties|null);

                /** Frame response */
                response?: (clets.v1.Response.$Properties|null);

                /** Frame completion */
                completion?: (clets.v1.Completion.$Properties|null);

                /** Frame reject */
                reject?: (clets.v1.Reject.$Properties|null);

                /** Frame queuedNotice */
                queuedNotice?: (clets.v1.QueuedNotice.$Properties|null);

                /** Frame adminMessage */
                adminMessage?: (clets.v1.AdminMessage.$Properties|null);

                /** Frame deliveryReport */
                deliveryReport?: (clets.v1.DeliveryReport.$Properties|null);

                /** Frame hitConfirmationRequest */
                hitConfirmationRequest?: (clets.v1.HitConfirmationRequest.$Properties|null);

                /** Frame hitConfirmationResponse */
                hitConfirmationResponse?: (clets.v1.HitConfirmationResponse.$Properties|null);

                /** Frame statusMessage */
                statusMessage?: (clets.v1.StatusMessage.$Properties|null);

                /** Frame linkHello */
                linkHello?: (clets.v1.LinkHello.$Properties|null);

                /** Frame linkWelcome */
                linkWelcome?: (clets.v1.LinkWelcome.$Properties|null);

                /** Frame linkRequest */
                linkRequest?: (clets.v1.LinkRequest.$Properties|null);

                /** Frame linkReply */
                linkReply?: (clets.v1.LinkReply.$Properties|null);

                /** Frame body */
                body?: ("terminalHello"|"loginBanner"|"bannerAck"|"operatorLogin"|"secondFactorChallenge"|"secondFactorAnswer"|"loginResult"|"logout"|"heartbeat"|"transaction"|"receipt"|"response"|"completion"|"reject"|"queuedNotice"|"adminMessage"|"deliveryReport"|"hitConfirmationRequest"|"hitConfirmationResponse"|"statusMessage"|"linkHello"|"linkWelcome"|"linkRequest"|"linkReply");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Frame. */
            type $Shape = {
              linkSeq?: number|null;
              terminalHello?: clets.v1.TerminalHello.$Shape|null;
              loginBanner?: clets.v1.LoginBanner.$Shape|null;
              bannerAck?: clets.v1.BannerAck.$Shape|null;
              operatorLogin?: clets.v1.OperatorLogin.$Shape|null;
              secondFactorChallenge?: clets.v1.SecondFactorChallenge.$Shape|null;
              secondFactorAnswer?: clets.v1.SecondFactorAnswer.$Shape|null;
              loginResult?: clets.v1.LoginResult.$Shape|null;
              logout?: clets.v1.Logout.$Shape|null;
              heartbeat?: clets.v1.Heartbeat.$Shape|null;
              transaction?: clets.v1.Transaction.$Shape|null;
              receipt?: clets.v1.Receipt.$Shape|null;
              response?: clets.v1.Response.$Shape|null;
              completion?: clets.v1.Completion.$Shape|null;
              reject?: clets.v1.Reject.$Shape|null;
              queuedNotice?: clets.v1.QueuedNotice.$Shape|null;
              adminMessage?: clets.v1.AdminMessage.$Shape|null;
              deliveryReport?: clets.v1.DeliveryReport.$Shape|null;
              hitConfirmationRequest?: clets.v1.HitConfirmationRequest.$Shape|null;
              hitConfirmationResponse?: clets.v1.HitConfirmationResponse.$Shape|null;
              statusMessage?: clets.v1.StatusMessage.$Shape|null;
              linkHello?: clets.v1.LinkHello.$Shape|null;
              linkWelcome?: clets.v1.LinkWelcome.$Shape|null;
              linkRequest?: clets.v1.LinkRequest.$Shape|null;
              linkReply?: clets.v1.LinkReply.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "terminalHello"; terminalHello: clets.v1.TerminalHello.$Shape; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "loginBanner"; terminalHello?: null; loginBanner: clets.v1.LoginBanner.$Shape; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "bannerAck"; terminalHello?: null; loginBanner?: null; bannerAck: clets.v1.BannerAck.$Shape; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "operatorLogin"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin: clets.v1.OperatorLogin.$Shape; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "secondFactorChallenge"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge: clets.v1.SecondFactorChallenge.$Shape; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "secondFactorAnswer"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer: clets.v1.SecondFactorAnswer.$Shape; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "loginResult"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult: clets.v1.LoginResult.$Shape; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "logout"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout: clets.v1.Logout.$Shape; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "heartbeat"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat: clets.v1.Heartbeat.$Shape; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "transaction"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction: clets.v1.Transaction.$Shape; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "receipt"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt: clets.v1.Receipt.$Shape; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "response"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response: clets.v1.Response.$Shape; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "completion"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion: clets.v1.Completion.$Shape; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "reject"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject: clets.v1.Reject.$Shape; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "queuedNotice"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice: clets.v1.QueuedNotice.$Shape; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "adminMessage"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage: clets.v1.AdminMessage.$Shape; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "deliveryReport"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport: clets.v1.DeliveryReport.$Shape; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "hitConfirmationRequest"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest: clets.v1.HitConfirmationRequest.$Shape; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "hitConfirmationResponse"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse: clets.v1.HitConfirmationResponse.$Shape; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "statusMessage"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage: clets.v1.StatusMessage.$Shape; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "linkHello"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello: clets.v1.LinkHello.$Shape; linkWelcome?: null; linkRequest?: null; linkReply?: null }|{ body?: "linkWelcome"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome: clets.v1.LinkWelcome.$Shape; linkRequest?: null; linkReply?: null }|{ body?: "linkRequest"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest: clets.v1.LinkRequest.$Shape; linkReply?: null }|{ body?: "linkReply"; terminalHello?: null; loginBanner?: null; bannerAck?: null; operatorLogin?: null; secondFactorChallenge?: null; secondFactorAnswer?: null; loginResult?: null; logout?: null; heartbeat?: null; transaction?: null; receipt?: null; response?: null; completion?: null; reject?: null; queuedNotice?: null; adminMessage?: null; deliveryReport?: null; hitConfirmationRequest?: null; hitConfirmationResponse?: null; statusMessage?: null; linkHello?: null; linkWelcome?: null; linkRequest?: null; linkReply: clets.v1.LinkReply.$Shape })
            );
        }

        /**
         * Properties of a Field.
         * @deprecated Use clets.v1.Field.$Properties instead.
         */
        interface IField extends clets.v1.Field.$Properties {
        }

        /** Represents a Field. */
        class Field {

            /**
             * Constructs a new Field.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.Field.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Field tag. */
            tag: string;

            /** Field value. */
            value: string;

            /**
             * Creates a new Field instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Field instance
             */
            static create(properties: clets.v1.Field.$Shape): clets.v1.Field & clets.v1.Field.$Shape;
            static create(properties?: clets.v1.Field.$Properties): clets.v1.Field;

            /**
             * Encodes the specified Field message. Does not implicitly {@link clets.v1.Field.verify|verify} messages.
             * @param message Field message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.Field.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Field message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.Field & clets.v1.Field.$Shape} Field
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.Field & clets.v1.Field.$Shape;

            /**
             * Verifies a Field message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Field message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Field
             */
            static fromObject(object: { [k: string]: any }): clets.v1.Field;

            /**
             * Creates a plain object from a Field message. Also converts values to other types if specified.
             * @param message Field
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.Field, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Field to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Field {

            /** Properties of a Field. */
            interface $Properties {

                /** Field tag */
                tag?: (string|null);

                /** Field value */
                value?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Field. */
            type $Shape = clets.v1.Field.$Properties;
        }

        /**
         * Properties of a RouteTo.
         * @deprecated Use clets.v1.RouteTo.$Properties instead.
         */
        interface IRouteTo extends clets.v1.RouteTo.$Properties {
        }

        /** Represents a RouteTo. */
        class RouteTo {

            /**
             * Constructs a new RouteTo.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.RouteTo.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RouteTo requester. */
            requester: string;

            /** RouteTo operator. */
            operator: string;

            /** RouteTo reason. */
            reason: string;

            /** RouteTo caseNumber. */
            caseNumber: string;

            /** RouteTo noCaseReason. */
            noCaseReason: string;

            /** RouteTo purposeCode. */
            purposeCode: string;

            /** RouteTo attention. */
            attention: string;

            /**
             * Creates a new RouteTo instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RouteTo instance
             */
            static create(properties: clets.v1.RouteTo.$Shape): clets.v1.RouteTo & clets.v1.RouteTo.$Shape;
            static create(properties?: clets.v1.RouteTo.$Properties): clets.v1.RouteTo;

            /**
             * Encodes the specified RouteTo message. Does not implicitly {@link clets.v1.RouteTo.verify|verify} messages.
             * @param message RouteTo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.RouteTo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RouteTo message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.RouteTo & clets.v1.RouteTo.$Shape} RouteTo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.RouteTo & clets.v1.RouteTo.$Shape;

            /**
             * Verifies a RouteTo message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RouteTo message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RouteTo
             */
            static fromObject(object: { [k: string]: any }): clets.v1.RouteTo;

            /**
             * Creates a plain object from a RouteTo message. Also converts values to other types if specified.
             * @param message RouteTo
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.RouteTo, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RouteTo to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace RouteTo {

            /** Properties of a RouteTo. */
            interface $Properties {

                /** RouteTo requester */
                requester?: (string|null);

                /** RouteTo operator */
                operator?: (string|null);

                /** RouteTo reason */
                reason?: (string|null);

                /** RouteTo caseNumber */
                caseNumber?: (string|null);

                /** RouteTo noCaseReason */
                noCaseReason?: (string|null);

                /** RouteTo purposeCode */
                purposeCode?: (string|null);

                /** RouteTo attention */
                attention?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RouteTo. */
            type $Shape = clets.v1.RouteTo.$Properties;
        }

        /**
         * Properties of a Hop.
         * @deprecated Use clets.v1.Hop.$Properties instead.
         */
        interface IHop extends clets.v1.Hop.$Properties {
        }

        /** Represents a Hop. */
        class Hop {

            /**
             * Constructs a new Hop.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.Hop.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Hop switchId. */
            switchId: string;

            /** Hop inputSeq. */
            inputSeq: number;

            /** Hop outputSeq. */
            outputSeq: number;

            /** Hop receivedAtMs. */
            receivedAtMs: number;

            /** Hop sentAtMs. */
            sentAtMs: number;

            /**
             * Creates a new Hop instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Hop instance
             */
            static create(properties: clets.v1.Hop.$Shape): clets.v1.Hop & clets.v1.Hop.$Shape;
            static create(properties?: clets.v1.Hop.$Properties): clets.v1.Hop;

            /**
             * Encodes the specified Hop message. Does not implicitly {@link clets.v1.Hop.verify|verify} messages.
             * @param message Hop message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.Hop.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Hop message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.Hop & clets.v1.Hop.$Shape} Hop
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.Hop & clets.v1.Hop.$Shape;

            /**
             * Verifies a Hop message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Hop message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Hop
             */
            static fromObject(object: { [k: string]: any }): clets.v1.Hop;

            /**
             * Creates a plain object from a Hop message. Also converts values to other types if specified.
             * @param message Hop
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.Hop, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Hop to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Hop {

            /** Properties of a Hop. */
            interface $Properties {

                /** Hop switchId */
                switchId?: (string|null);

                /** Hop inputSeq */
                inputSeq?: (number|null);

                /** Hop outputSeq */
                outputSeq?: (number|null);

                /** Hop receivedAtMs */
                receivedAtMs?: (number|null);

                /** Hop sentAtMs */
                sentAtMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Hop. */
            type $Shape = clets.v1.Hop.$Properties;
        }

        /**
         * Properties of a Header.
         * @deprecated Use clets.v1.Header.$Properties instead.
         */
        interface IHeader extends clets.v1.Header.$Properties {
        }

        /** Represents a Header. */
        class Header {

            /**
             * Constructs a new Header.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.Header.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Header clientMessageId. */
            clientMessageId: string;

            /** Header control. */
            control: string;

            /** Header messageKey. */
            messageKey: string;

            /** Header ori. */
            ori: string;

            /** Header terminal. */
            terminal: string;

            /** Header operatorId. */
            operatorId: string;

            /** Header destinations. */
            destinations: string[];

            /** Header inputSeq. */
            inputSeq: number;

            /** Header outputSeq. */
            outputSeq: number;

            /** Header receivedAtMs. */
            receivedAtMs: number;

            /** Header sentAtMs. */
            sentAtMs: number;

            /** Header hops. */
            hops: clets.v1.Hop.$Properties[];

            /**
             * Creates a new Header instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Header instance
             */
            static create(properties: clets.v1.Header.$Shape): clets.v1.Header & clets.v1.Header.$Shape;
            static create(properties?: clets.v1.Header.$Properties): clets.v1.Header;

            /**
             * Encodes the specified Header message. Does not implicitly {@link clets.v1.Header.verify|verify} messages.
             * @param message Header message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.Header.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Header message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.Header & clets.v1.Header.$Shape} Header
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.Header & clets.v1.Header.$Shape;

            /**
             * Verifies a Header message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Header message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Header
             */
            static fromObject(object: { [k: string]: any }): clets.v1.Header;

            /**
             * Creates a plain object from a Header message. Also converts values to other types if specified.
             * @param message Header
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.Header, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Header to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Header {

            /** Properties of a Header. */
            interface $Properties {

                /** Header clientMessageId */
                clientMessageId?: (string|null);

                /** Header control */
                control?: (string|null);

                /** Header messageKey */
                messageKey?: (string|null);

                /** Header ori */
                ori?: (string|null);

                /** Header terminal */
                terminal?: (string|null);

                /** Header operatorId */
                operatorId?: (string|null);

                /** Header destinations */
                destinations?: (string[]|null);

                /** Header inputSeq */
                inputSeq?: (number|null);

                /** Header outputSeq */
                outputSeq?: (number|null);

                /** Header receivedAtMs */
                receivedAtMs?: (number|null);

                /** Header sentAtMs */
                sentAtMs?: (number|null);

                /** Header hops */
                hops?: (clets.v1.Hop.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Header. */
            type $Shape = clets.v1.Header.$Properties;
        }

        /**
         * Properties of a TerminalHello.
         * @deprecated Use clets.v1.TerminalHello.$Properties instead.
         */
        interface ITerminalHello extends clets.v1.TerminalHello.$Properties {
        }

        /** Represents a TerminalHello. */
        class TerminalHello {

            /**
             * Constructs a new TerminalHello.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.TerminalHello.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TerminalHello mnemonic. */
            mnemonic: string;

            /** TerminalHello deviceSecret. */
            deviceSecret: string;

            /** TerminalHello client. */
            client: string;

            /** TerminalHello protocolVersion. */
            protocolVersion: number;

            /**
             * Creates a new TerminalHello instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TerminalHello instance
             */
            static create(properties: clets.v1.TerminalHello.$Shape): clets.v1.TerminalHello & clets.v1.TerminalHello.$Shape;
            static create(properties?: clets.v1.TerminalHello.$Properties): clets.v1.TerminalHello;

            /**
             * Encodes the specified TerminalHello message. Does not implicitly {@link clets.v1.TerminalHello.verify|verify} messages.
             * @param message TerminalHello message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.TerminalHello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TerminalHello message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.TerminalHello & clets.v1.TerminalHello.$Shape} TerminalHello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.TerminalHello & clets.v1.TerminalHello.$Shape;

            /**
             * Verifies a TerminalHello message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TerminalHello message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TerminalHello
             */
            static fromObject(object: { [k: string]: any }): clets.v1.TerminalHello;

            /**
             * Creates a plain object from a TerminalHello message. Also converts values to other types if specified.
             * @param message TerminalHello
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.TerminalHello, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TerminalHello to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace TerminalHello {

            /** Properties of a TerminalHello. */
            interface $Properties {

                /** TerminalHello mnemonic */
                mnemonic?: (string|null);

                /** TerminalHello deviceSecret */
                deviceSecret?: (string|null);

                /** TerminalHello client */
                client?: (string|null);

                /** TerminalHello protocolVersion */
                protocolVersion?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TerminalHello. */
            type $Shape = clets.v1.TerminalHello.$Properties;
        }

        /**
         * Properties of a LoginBanner.
         * @deprecated Use clets.v1.LoginBanner.$Properties instead.
         */
        interface ILoginBanner extends clets.v1.LoginBanner.$Properties {
        }

        /** Represents a LoginBanner. */
        class LoginBanner {

            /**
             * Constructs a new LoginBanner.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.LoginBanner.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LoginBanner bannerId. */
            bannerId: string;

            /** LoginBanner statements. */
            statements: string[];

            /** LoginBanner text. */
            text: string;

            /**
             * Creates a new LoginBanner instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LoginBanner instance
             */
            static create(properties: clets.v1.LoginBanner.$Shape): clets.v1.LoginBanner & clets.v1.LoginBanner.$Shape;
            static create(properties?: clets.v1.LoginBanner.$Properties): clets.v1.LoginBanner;

            /**
             * Encodes the specified LoginBanner message. Does not implicitly {@link clets.v1.LoginBanner.verify|verify} messages.
             * @param message LoginBanner message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.LoginBanner.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LoginBanner message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.LoginBanner & clets.v1.LoginBanner.$Shape} LoginBanner
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.LoginBanner & clets.v1.LoginBanner.$Shape;

            /**
             * Verifies a LoginBanner message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LoginBanner message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LoginBanner
             */
            static fromObject(object: { [k: string]: any }): clets.v1.LoginBanner;

            /**
             * Creates a plain object from a LoginBanner message. Also converts values to other types if specified.
             * @param message LoginBanner
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.LoginBanner, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LoginBanner to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LoginBanner {

            /** Properties of a LoginBanner. */
            interface $Properties {

                /** LoginBanner bannerId */
                bannerId?: (string|null);

                /** LoginBanner statements */
                statements?: (string[]|null);

                /** LoginBanner text */
                text?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LoginBanner. */
            type $Shape = clets.v1.LoginBanner.$Properties;
        }

        /**
         * Properties of a BannerAck.
         * @deprecated Use clets.v1.BannerAck.$Properties instead.
         */
        interface IBannerAck extends clets.v1.BannerAck.$Properties {
        }

        /** Represents a BannerAck. */
        class BannerAck {

            /**
             * Constructs a new BannerAck.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.BannerAck.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** BannerAck bannerId. */
            bannerId: string;

            /**
             * Creates a new BannerAck instance using the specified properties.
             * @param [properties] Properties to set
             * @returns BannerAck instance
             */
            static create(properties: clets.v1.BannerAck.$Shape): clets.v1.BannerAck & clets.v1.BannerAck.$Shape;
            static create(properties?: clets.v1.BannerAck.$Properties): clets.v1.BannerAck;

            /**
             * Encodes the specified BannerAck message. Does not implicitly {@link clets.v1.BannerAck.verify|verify} messages.
             * @param message BannerAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.BannerAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a BannerAck message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.BannerAck & clets.v1.BannerAck.$Shape} BannerAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.BannerAck & clets.v1.BannerAck.$Shape;

            /**
             * Verifies a BannerAck message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a BannerAck message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns BannerAck
             */
            static fromObject(object: { [k: string]: any }): clets.v1.BannerAck;

            /**
             * Creates a plain object from a BannerAck message. Also converts values to other types if specified.
             * @param message BannerAck
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.BannerAck, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this BannerAck to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace BannerAck {

            /** Properties of a BannerAck. */
            interface $Properties {

                /** BannerAck bannerId */
                bannerId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a BannerAck. */
            type $Shape = clets.v1.BannerAck.$Properties;
        }

        /**
         * Properties of an OperatorLogin.
         * @deprecated Use clets.v1.OperatorLogin.$Properties instead.
         */
        interface IOperatorLogin extends clets.v1.OperatorLogin.$Properties {
        }

        /** Represents an OperatorLogin. */
        class OperatorLogin {

            /**
             * Constructs a new OperatorLogin.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.OperatorLogin.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** OperatorLogin operatorId. */
            operatorId: string;

            /** OperatorLogin password. */
            password: string;

            /**
             * Creates a new OperatorLogin instance using the specified properties.
             * @param [properties] Properties to set
             * @returns OperatorLogin instance
             */
            static create(properties: clets.v1.OperatorLogin.$Shape): clets.v1.OperatorLogin & clets.v1.OperatorLogin.$Shape;
            static create(properties?: clets.v1.OperatorLogin.$Properties): clets.v1.OperatorLogin;

            /**
             * Encodes the specified OperatorLogin message. Does not implicitly {@link clets.v1.OperatorLogin.verify|verify} messages.
             * @param message OperatorLogin message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.OperatorLogin.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an OperatorLogin message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.OperatorLogin & clets.v1.OperatorLogin.$Shape} OperatorLogin
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.OperatorLogin & clets.v1.OperatorLogin.$Shape;

            /**
             * Verifies an OperatorLogin message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an OperatorLogin message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns OperatorLogin
             */
            static fromObject(object: { [k: string]: any }): clets.v1.OperatorLogin;

            /**
             * Creates a plain object from an OperatorLogin message. Also converts values to other types if specified.
             * @param message OperatorLogin
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.OperatorLogin, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this OperatorLogin to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace OperatorLogin {

            /** Properties of an OperatorLogin. */
            interface $Properties {

                /** OperatorLogin operatorId */
                operatorId?: (string|null);

                /** OperatorLogin password */
                password?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an OperatorLogin. */
            type $Shape = clets.v1.OperatorLogin.$Properties;
        }

        /**
         * Properties of a SecondFactorChallenge.
         * @deprecated Use clets.v1.SecondFactorChallenge.$Properties instead.
         */
        interface ISecondFactorChallenge extends clets.v1.SecondFactorChallenge.$Properties {
        }

        /** Represents a SecondFactorChallenge. */
        class SecondFactorChallenge {

            /**
             * Constructs a new SecondFactorChallenge.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.SecondFactorChallenge.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SecondFactorChallenge method. */
            method: string;

            /**
             * Creates a new SecondFactorChallenge instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SecondFactorChallenge instance
             */
            static create(properties: clets.v1.SecondFactorChallenge.$Shape): clets.v1.SecondFactorChallenge & clets.v1.SecondFactorChallenge.$Shape;
            static create(properties?: clets.v1.SecondFactorChallenge.$Properties): clets.v1.SecondFactorChallenge;

            /**
             * Encodes the specified SecondFactorChallenge message. Does not implicitly {@link clets.v1.SecondFactorChallenge.verify|verify} messages.
             * @param message SecondFactorChallenge message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.SecondFactorChallenge.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SecondFactorChallenge message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.SecondFactorChallenge & clets.v1.SecondFactorChallenge.$Shape} SecondFactorChallenge
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.SecondFactorChallenge & clets.v1.SecondFactorChallenge.$Shape;

            /**
             * Verifies a SecondFactorChallenge message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SecondFactorChallenge message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SecondFactorChallenge
             */
            static fromObject(object: { [k: string]: any }): clets.v1.SecondFactorChallenge;

            /**
             * Creates a plain object from a SecondFactorChallenge message. Also converts values to other types if specified.
             * @param message SecondFactorChallenge
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.SecondFactorChallenge, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SecondFactorChallenge to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace SecondFactorChallenge {

            /** Properties of a SecondFactorChallenge. */
            interface $Properties {

                /** SecondFactorChallenge method */
                method?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SecondFactorChallenge. */
            type $Shape = clets.v1.SecondFactorChallenge.$Properties;
        }

        /**
         * Properties of a SecondFactorAnswer.
         * @deprecated Use clets.v1.SecondFactorAnswer.$Properties instead.
         */
        interface ISecondFactorAnswer extends clets.v1.SecondFactorAnswer.$Properties {
        }

        /** Represents a SecondFactorAnswer. */
        class SecondFactorAnswer {

            /**
             * Constructs a new SecondFactorAnswer.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.SecondFactorAnswer.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SecondFactorAnswer code. */
            code: string;

            /**
             * Creates a new SecondFactorAnswer instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SecondFactorAnswer instance
             */
            static create(properties: clets.v1.SecondFactorAnswer.$Shape): clets.v1.SecondFactorAnswer & clets.v1.SecondFactorAnswer.$Shape;
            static create(properties?: clets.v1.SecondFactorAnswer.$Properties): clets.v1.SecondFactorAnswer;

            /**
             * Encodes the specified SecondFactorAnswer message. Does not implicitly {@link clets.v1.SecondFactorAnswer.verify|verify} messages.
             * @param message SecondFactorAnswer message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.SecondFactorAnswer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SecondFactorAnswer message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.SecondFactorAnswer & clets.v1.SecondFactorAnswer.$Shape} SecondFactorAnswer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.SecondFactorAnswer & clets.v1.SecondFactorAnswer.$Shape;

            /**
             * Verifies a SecondFactorAnswer message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SecondFactorAnswer message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SecondFactorAnswer
             */
            static fromObject(object: { [k: string]: any }): clets.v1.SecondFactorAnswer;

            /**
             * Creates a plain object from a SecondFactorAnswer message. Also converts values to other types if specified.
             * @param message SecondFactorAnswer
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.SecondFactorAnswer, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SecondFactorAnswer to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace SecondFactorAnswer {

            /** Properties of a SecondFactorAnswer. */
            interface $Properties {

                /** SecondFactorAnswer code */
                code?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SecondFactorAnswer. */
            type $Shape = clets.v1.SecondFactorAnswer.$Properties;
        }

        /**
         * Properties of a LoginResult.
         * @deprecated Use clets.v1.LoginResult.$Properties instead.
         */
        interface ILoginResult extends clets.v1.LoginResult.$Properties {
        }

        /** Represents a LoginResult. */
        class LoginResult {

            /**
             * Constructs a new LoginResult.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.LoginResult.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LoginResult ok. */
            ok: boolean;

            /** LoginResult code. */
            code: string;

            /** LoginResult reason. */
            reason: string;

            /** LoginResult operatorId. */
            operatorId: string;

            /** LoginResult ori. */
            ori: string;

            /** LoginResult terminal. */
            terminal: string;

            /** LoginResult role. */
            role: string;

            /** LoginResult sessionId. */
            sessionId: string;

            /** LoginResult reauthenticateAtMs. */
            reauthenticateAtMs: number;

            /** LoginResult messagesWaiting. */
            messagesWaiting: number;

            /**
             * Creates a new LoginResult instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LoginResult instance
             */
            static create(properties: clets.v1.LoginResult.$Shape): clets.v1.LoginResult & clets.v1.LoginResult.$Shape;
            static create(properties?: clets.v1.LoginResult.$Properties): clets.v1.LoginResult;

            /**
             * Encodes the specified LoginResult message. Does not implicitly {@link clets.v1.LoginResult.verify|verify} messages.
             * @param message LoginResult message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.LoginResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LoginResult message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.LoginResult & clets.v1.LoginResult.$Shape} LoginResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.LoginResult & clets.v1.LoginResult.$Shape;

            /**
             * Verifies a LoginResult message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LoginResult message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LoginResult
             */
            static fromObject(object: { [k: string]: any }): clets.v1.LoginResult;

            /**
             * Creates a plain object from a LoginResult message. Also converts values to other types if specified.
             * @param message LoginResult
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.LoginResult, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LoginResult to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LoginResult {

            /** Properties of a LoginResult. */
            interface $Properties {

                /** LoginResult ok */
                ok?: (boolean|null);

                /** LoginResult code */
                code?: (string|null);

                /** LoginResult reason */
                reason?: (string|null);

                /** LoginResult operatorId */
                operatorId?: (string|null);

                /** LoginResult ori */
                ori?: (string|null);

                /** LoginResult terminal */
                terminal?: (string|null);

                /** LoginResult role */
                role?: (string|null);

                /** LoginResult sessionId */
                sessionId?: (string|null);

                /** LoginResult reauthenticateAtMs */
                reauthenticateAtMs?: (number|null);

                /** LoginResult messagesWaiting */
                messagesWaiting?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LoginResult. */
            type $Shape = clets.v1.LoginResult.$Properties;
        }

        /**
         * Properties of a Logout.
         * @deprecated Use clets.v1.Logout.$Properties instead.
         */
        interface ILogout extends clets.v1.Logout.$Properties {
        }

        /** Represents a Logout. */
        class Logout {

            /**
             * Constructs a new Logout.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.Logout.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Logout reason. */
            reason: string;

            /**
             * Creates a new Logout instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Logout instance
             */
            static create(properties: clets.v1.Logout.$Shape): clets.v1.Logout & clets.v1.Logout.$Shape;
            static create(properties?: clets.v1.Logout.$Properties): clets.v1.Logout;

            /**
             * Encodes the specified Logout message. Does not implicitly {@link clets.v1.Logout.verify|verify} messages.
             * @param message Logout message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.Logout.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Logout message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.Logout & clets.v1.Logout.$Shape} Logout
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.Logout & clets.v1.Logout.$Shape;

            /**
             * Verifies a Logout message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Logout message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Logout
             */
            static fromObject(object: { [k: string]: any }): clets.v1.Logout;

            /**
             * Creates a plain object from a Logout message. Also converts values to other types if specified.
             * @param message Logout
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.Logout, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Logout to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Logout {

            /** Properties of a Logout. */
            interface $Properties {

                /** Logout reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Logout. */
            type $Shape = clets.v1.Logout.$Properties;
        }

        /**
         * Properties of a Heartbeat.
         * @deprecated Use clets.v1.Heartbeat.$Properties instead.
         */
        interface IHeartbeat extends clets.v1.Heartbeat.$Properties {
        }

        /** Represents a Heartbeat. */
        class Heartbeat {

            /**
             * Constructs a new Heartbeat.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.Heartbeat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Heartbeat nonce. */
            nonce: number;

            /** Heartbeat sentAtMs. */
            sentAtMs: number;

            /** Heartbeat reply. */
            reply: boolean;

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Heartbeat instance
             */
            static create(properties: clets.v1.Heartbeat.$Shape): clets.v1.Heartbeat & clets.v1.Heartbeat.$Shape;
            static create(properties?: clets.v1.Heartbeat.$Properties): clets.v1.Heartbeat;

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link clets.v1.Heartbeat.verify|verify} messages.
             * @param message Heartbeat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.Heartbeat & clets.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.Heartbeat & clets.v1.Heartbeat.$Shape;

            /**
             * Verifies a Heartbeat message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Heartbeat
             */
            static fromObject(object: { [k: string]: any }): clets.v1.Heartbeat;

            /**
             * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
             * @param message Heartbeat
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.Heartbeat, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Heartbeat to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Heartbeat {

            /** Properties of a Heartbeat. */
            interface $Properties {

                /** Heartbeat nonce */
                nonce?: (number|null);

                /** Heartbeat sentAtMs */
                sentAtMs?: (number|null);

                /** Heartbeat reply */
                reply?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Heartbeat. */
            type $Shape = clets.v1.Heartbeat.$Properties;
        }

        /**
         * Properties of a Transaction.
         * @deprecated Use clets.v1.Transaction.$Properties instead.
         */
        interface ITransaction extends clets.v1.Transaction.$Properties {
        }

        /** Represents a Transaction. */
        class Transaction {

            /**
             * Constructs a new Transaction.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.Transaction.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Transaction header. */
            header?: (clets.v1.Header.$Properties|null);

            /** Transaction routeTo. */
            routeTo?: (clets.v1.RouteTo.$Properties|null);

            /** Transaction fields. */
            fields: clets.v1.Field.$Properties[];

            /** Transaction text. */
            text: string;

            /**
             * Creates a new Transaction instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Transaction instance
             */
            static create(properties: clets.v1.Transaction.$Shape): clets.v1.Transaction & clets.v1.Transaction.$Shape;
            static create(properties?: clets.v1.Transaction.$Properties): clets.v1.Transaction;

            /**
             * Encodes the specified Transaction message. Does not implicitly {@link clets.v1.Transaction.verify|verify} messages.
             * @param message Transaction message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.Transaction.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Transaction message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.Transaction & clets.v1.Transaction.$Shape} Transaction
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.Transaction & clets.v1.Transaction.$Shape;

            /**
             * Verifies a Transaction message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Transaction message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Transaction
             */
            static fromObject(object: { [k: string]: any }): clets.v1.Transaction;

            /**
             * Creates a plain object from a Transaction message. Also converts values to other types if specified.
             * @param message Transaction
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.Transaction, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Transaction to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Transaction {

            /** Properties of a Transaction. */
            interface $Properties {

                /** Transaction header */
                header?: (clets.v1.Header.$Properties|null);

                /** Transaction routeTo */
                routeTo?: (clets.v1.RouteTo.$Properties|null);

                /** Transaction fields */
                fields?: (clets.v1.Field.$Properties[]|null);

                /** Transaction text */
                text?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Transaction. */
            type $Shape = clets.v1.Transaction.$Properties;
        }

        /**
         * Properties of a Receipt.
         * @deprecated Use clets.v1.Receipt.$Properties instead.
         */
        interface IReceipt extends clets.v1.Receipt.$Properties {
        }

        /** Represents a Receipt. */
        class Receipt {

            /**
             * Constructs a new Receipt.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.Receipt.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Receipt header. */
            header?: (clets.v1.Header.$Properties|null);

            /**
             * Creates a new Receipt instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Receipt instance
             */
            static create(properties: clets.v1.Receipt.$Shape): clets.v1.Receipt & clets.v1.Receipt.$Shape;
            static create(properties?: clets.v1.Receipt.$Properties): clets.v1.Receipt;

            /**
             * Encodes the specified Receipt message. Does not implicitly {@link clets.v1.Receipt.verify|verify} messages.
             * @param message Receipt message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.Receipt.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Receipt message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.Receipt & clets.v1.Receipt.$Shape} Receipt
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.Receipt & clets.v1.Receipt.$Shape;

            /**
             * Verifies a Receipt message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Receipt message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Receipt
             */
            static fromObject(object: { [k: string]: any }): clets.v1.Receipt;

            /**
             * Creates a plain object from a Receipt message. Also converts values to other types if specified.
             * @param message Receipt
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.Receipt, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Receipt to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Receipt {

            /** Properties of a Receipt. */
            interface $Properties {

                /** Receipt header */
                header?: (clets.v1.Header.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Receipt. */
            type $Shape = clets.v1.Receipt.$Properties;
        }

        /** HitStatus enum. */
        enum HitStatus {

            /** HIT_STATUS_UNSPECIFIED value */
            HIT_STATUS_UNSPECIFIED = 0,

            /** HIT_STATUS_NO_RECORD value */
            HIT_STATUS_NO_RECORD = 1,

            /** HIT_STATUS_HIT value */
            HIT_STATUS_HIT = 2,

            /** HIT_STATUS_POSSIBLE value */
            HIT_STATUS_POSSIBLE = 3,

            /** HIT_STATUS_ACKNOWLEDGED value */
            HIT_STATUS_ACKNOWLEDGED = 4
        }

        /**
         * Properties of a Record.
         * @deprecated Use clets.v1.Record.$Properties instead.
         */
        interface IRecord extends clets.v1.Record.$Properties {
        }

        /** Represents a Record. */
        class Record {

            /**
             * Constructs a new Record.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.Record.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Record status. */
            status: clets.v1.HitStatus;

            /** Record system. */
            system: string;

            /** Record file. */
            file: string;

            /** Record recordId. */
            recordId: string;

            /** Record enteringOri. */
            enteringOri: string;

            /** Record fields. */
            fields: clets.v1.Field.$Properties[];

            /** Record text. */
            text: string;

            /** Record source. */
            source: string;

            /**
             * Creates a new Record instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Record instance
             */
            static create(properties: clets.v1.Record.$Shape): clets.v1.Record & clets.v1.Record.$Shape;
            static create(properties?: clets.v1.Record.$Properties): clets.v1.Record;

            /**
             * Encodes the specified Record message. Does not implicitly {@link clets.v1.Record.verify|verify} messages.
             * @param message Record message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.Record.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Record message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.Record & clets.v1.Record.$Shape} Record
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.Record & clets.v1.Record.$Shape;

            /**
             * Verifies a Record message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Record message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Record
             */
            static fromObject(object: { [k: string]: any }): clets.v1.Record;

            /**
             * Creates a plain object from a Record message. Also converts values to other types if specified.
             * @param message Record
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.Record, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Record to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Record {

            /** Properties of a Record. */
            interface $Properties {

                /** Record status */
                status?: (clets.v1.HitStatus|null);

                /** Record system */
                system?: (string|null);

                /** Record file */
                file?: (string|null);

                /** Record recordId */
                recordId?: (string|null);

                /** Record enteringOri */
                enteringOri?: (string|null);

                /** Record fields */
                fields?: (clets.v1.Field.$Properties[]|null);

                /** Record text */
                text?: (string|null);

                /** Record source */
                source?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Record. */
            type $Shape = clets.v1.Record.$Properties;
        }

        /**
         * Properties of a Response.
         * @deprecated Use clets.v1.Response.$Properties instead.
         */
        interface IResponse extends clets.v1.Response.$Properties {
        }

        /** Represents a Response. */
        class Response {

            /**
             * Constructs a new Response.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.Response.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Response header. */
            header?: (clets.v1.Header.$Properties|null);

            /** Response system. */
            system: string;

            /** Response responseKey. */
            responseKey: string;

            /** Response status. */
            status: clets.v1.HitStatus;

            /** Response records. */
            records: clets.v1.Record.$Properties[];

            /** Response text. */
            text: string;

            /**
             * Creates a new Response instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Response instance
             */
            static create(properties: clets.v1.Response.$Shape): clets.v1.Response & clets.v1.Response.$Shape;
            static create(properties?: clets.v1.Response.$Properties): clets.v1.Response;

            /**
             * Encodes the specified Response message. Does not implicitly {@link clets.v1.Response.verify|verify} messages.
             * @param message Response message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.Response.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Response message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.Response & clets.v1.Response.$Shape} Response
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.Response & clets.v1.Response.$Shape;

            /**
             * Verifies a Response message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Response message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Response
             */
            static fromObject(object: { [k: string]: any }): clets.v1.Response;

            /**
             * Creates a plain object from a Response message. Also converts values to other types if specified.
             * @param message Response
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.Response, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Response to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Response {

            /** Properties of a Response. */
            interface $Properties {

                /** Response header */
                header?: (clets.v1.Header.$Properties|null);

                /** Response system */
                system?: (string|null);

                /** Response responseKey */
                responseKey?: (string|null);

                /** Response status */
                status?: (clets.v1.HitStatus|null);

                /** Response records */
                records?: (clets.v1.Record.$Properties[]|null);

                /** Response text */
                text?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Response. */
            type $Shape = clets.v1.Response.$Properties;
        }

        /**
         * Properties of a Completion.
         * @deprecated Use clets.v1.Completion.$Properties instead.
         */
        interface ICompletion extends clets.v1.Completion.$Properties {
        }

        /** Represents a Completion. */
        class Completion {

            /**
             * Constructs a new Completion.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.Completion.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Completion header. */
            header?: (clets.v1.Header.$Properties|null);

            /** Completion answered. */
            answered: string[];

            /** Completion failed. */
            failed: string[];

            /** Completion inputSeq. */
            inputSeq: number;

            /**
             * Creates a new Completion instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Completion instance
             */
            static create(properties: clets.v1.Completion.$Shape): clets.v1.Completion & clets.v1.Completion.$Shape;
            static create(properties?: clets.v1.Completion.$Properties): clets.v1.Completion;

            /**
             * Encodes the specified Completion message. Does not implicitly {@link clets.v1.Completion.verify|verify} messages.
             * @param message Completion message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.Completion.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Completion message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.Completion & clets.v1.Completion.$Shape} Completion
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.Completion & clets.v1.Completion.$Shape;

            /**
             * Verifies a Completion message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Completion message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Completion
             */
            static fromObject(object: { [k: string]: any }): clets.v1.Completion;

            /**
             * Creates a plain object from a Completion message. Also converts values to other types if specified.
             * @param message Completion
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.Completion, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Completion to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Completion {

            /** Properties of a Completion. */
            interface $Properties {

                /** Completion header */
                header?: (clets.v1.Header.$Properties|null);

                /** Completion answered */
                answered?: (string[]|null);

                /** Completion failed */
                failed?: (string[]|null);

                /** Completion inputSeq */
                inputSeq?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Completion. */
            type $Shape = clets.v1.Completion.$Properties;
        }

        /**
         * Properties of a Reject.
         * @deprecated Use clets.v1.Reject.$Properties instead.
         */
        interface IReject extends clets.v1.Reject.$Properties {
        }

        /** Represents a Reject. */
        class Reject {

            /**
             * Constructs a new Reject.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.Reject.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Reject header. */
            header?: (clets.v1.Header.$Properties|null);

            /** Reject code. */
            code: string;

            /** Reject wireCode. */
            wireCode: number;

            /** Reject reason. */
            reason: string;

            /** Reject field. */
            field: string;

            /** Reject position. */
            position: number;

            /** Reject echo. */
            echo: string;

            /** Reject system. */
            system: string;

            /**
             * Creates a new Reject instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Reject instance
             */
            static create(properties: clets.v1.Reject.$Shape): clets.v1.Reject & clets.v1.Reject.$Shape;
            static create(properties?: clets.v1.Reject.$Properties): clets.v1.Reject;

            /**
             * Encodes the specified Reject message. Does not implicitly {@link clets.v1.Reject.verify|verify} messages.
             * @param message Reject message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.Reject.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Reject message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.Reject & clets.v1.Reject.$Shape} Reject
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.Reject & clets.v1.Reject.$Shape;

            /**
             * Verifies a Reject message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Reject message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Reject
             */
            static fromObject(object: { [k: string]: any }): clets.v1.Reject;

            /**
             * Creates a plain object from a Reject message. Also converts values to other types if specified.
             * @param message Reject
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.Reject, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Reject to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Reject {

            /** Properties of a Reject. */
            interface $Properties {

                /** Reject header */
                header?: (clets.v1.Header.$Properties|null);

                /** Reject code */
                code?: (string|null);

                /** Reject wireCode */
                wireCode?: (number|null);

                /** Reject reason */
                reason?: (string|null);

                /** Reject field */
                field?: (string|null);

                /** Reject position */
                position?: (number|null);

                /** Reject echo */
                echo?: (string|null);

                /** Reject system */
                system?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Reject. */
            type $Shape = clets.v1.Reject.$Properties;
        }

        /**
         * Properties of a QueuedNotice.
         * @deprecated Use clets.v1.QueuedNotice.$Properties instead.
         */
        interface IQueuedNotice extends clets.v1.QueuedNotice.$Properties {
        }

        /** Represents a QueuedNotice. */
        class QueuedNotice {

            /**
             * Constructs a new QueuedNotice.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.QueuedNotice.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** QueuedNotice header. */
            header?: (clets.v1.Header.$Properties|null);

            /** QueuedNotice system. */
            system: string;

            /** QueuedNotice expiresAtMs. */
            expiresAtMs: number;

            /** QueuedNotice text. */
            text: string;

            /**
             * Creates a new QueuedNotice instance using the specified properties.
             * @param [properties] Properties to set
             * @returns QueuedNotice instance
             */
            static create(properties: clets.v1.QueuedNotice.$Shape): clets.v1.QueuedNotice & clets.v1.QueuedNotice.$Shape;
            static create(properties?: clets.v1.QueuedNotice.$Properties): clets.v1.QueuedNotice;

            /**
             * Encodes the specified QueuedNotice message. Does not implicitly {@link clets.v1.QueuedNotice.verify|verify} messages.
             * @param message QueuedNotice message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.QueuedNotice.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a QueuedNotice message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.QueuedNotice & clets.v1.QueuedNotice.$Shape} QueuedNotice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.QueuedNotice & clets.v1.QueuedNotice.$Shape;

            /**
             * Verifies a QueuedNotice message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a QueuedNotice message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns QueuedNotice
             */
            static fromObject(object: { [k: string]: any }): clets.v1.QueuedNotice;

            /**
             * Creates a plain object from a QueuedNotice message. Also converts values to other types if specified.
             * @param message QueuedNotice
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.QueuedNotice, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this QueuedNotice to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace QueuedNotice {

            /** Properties of a QueuedNotice. */
            interface $Properties {

                /** QueuedNotice header */
                header?: (clets.v1.Header.$Properties|null);

                /** QueuedNotice system */
                system?: (string|null);

                /** QueuedNotice expiresAtMs */
                expiresAtMs?: (number|null);

                /** QueuedNotice text */
                text?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a QueuedNotice. */
            type $Shape = clets.v1.QueuedNotice.$Properties;
        }

        /** DeliveryState enum. */
        enum DeliveryState {

            /** DELIVERY_STATE_UNSPECIFIED value */
            DELIVERY_STATE_UNSPECIFIED = 0,

            /** DELIVERY_STATE_DELIVERED value */
            DELIVERY_STATE_DELIVERED = 1,

            /** DELIVERY_STATE_STORED value */
            DELIVERY_STATE_STORED = 2,

            /** DELIVERY_STATE_EXPIRED value */
            DELIVERY_STATE_EXPIRED = 3,

            /** DELIVERY_STATE_UNKNOWN_DESTINATION value */
            DELIVERY_STATE_UNKNOWN_DESTINATION = 4,

            /** DELIVERY_STATE_REFUSED value */
            DELIVERY_STATE_REFUSED = 5
        }

        /**
         * Properties of an AdminMessage.
         * @deprecated Use clets.v1.AdminMessage.$Properties instead.
         */
        interface IAdminMessage extends clets.v1.AdminMessage.$Properties {
        }

        /** Represents an AdminMessage. */
        class AdminMessage {

            /**
             * Constructs a new AdminMessage.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.AdminMessage.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AdminMessage header. */
            header?: (clets.v1.Header.$Properties|null);

            /** AdminMessage officerSafety. */
            officerSafety: string;

            /** AdminMessage text. */
            text: string;

            /** AdminMessage broadcast. */
            broadcast: boolean;

            /** AdminMessage messageId. */
            messageId: string;

            /**
             * Creates a new AdminMessage instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AdminMessage instance
             */
            static create(properties: clets.v1.AdminMessage.$Shape): clets.v1.AdminMessage & clets.v1.AdminMessage.$Shape;
            static create(properties?: clets.v1.AdminMessage.$Properties): clets.v1.AdminMessage;

            /**
             * Encodes the specified AdminMessage message. Does not implicitly {@link clets.v1.AdminMessage.verify|verify} messages.
             * @param message AdminMessage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.AdminMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AdminMessage message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.AdminMessage & clets.v1.AdminMessage.$Shape} AdminMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.AdminMessage & clets.v1.AdminMessage.$Shape;

            /**
             * Verifies an AdminMessage message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an AdminMessage message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns AdminMessage
             */
            static fromObject(object: { [k: string]: any }): clets.v1.AdminMessage;

            /**
             * Creates a plain object from an AdminMessage message. Also converts values to other types if specified.
             * @param message AdminMessage
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.AdminMessage, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AdminMessage to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace AdminMessage {

            /** Properties of an AdminMessage. */
            interface $Properties {

                /** AdminMessage header */
                header?: (clets.v1.Header.$Properties|null);

                /** AdminMessage officerSafety */
                officerSafety?: (string|null);

                /** AdminMessage text */
                text?: (string|null);

                /** AdminMessage broadcast */
                broadcast?: (boolean|null);

                /** AdminMessage messageId */
                messageId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AdminMessage. */
            type $Shape = clets.v1.AdminMessage.$Properties;
        }

        /**
         * Properties of a DeliveryReport.
         * @deprecated Use clets.v1.DeliveryReport.$Properties instead.
         */
        interface IDeliveryReport extends clets.v1.DeliveryReport.$Properties {
        }

        /** Represents a DeliveryReport. */
        class DeliveryReport {

            /**
             * Constructs a new DeliveryReport.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.DeliveryReport.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DeliveryReport header. */
            header?: (clets.v1.Header.$Properties|null);

            /** DeliveryReport messageId. */
            messageId: string;

            /** DeliveryReport destination. */
            destination: string;

            /** DeliveryReport state. */
            state: clets.v1.DeliveryState;

            /** DeliveryReport atMs. */
            atMs: number;

            /** DeliveryReport text. */
            text: string;

            /**
             * Creates a new DeliveryReport instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeliveryReport instance
             */
            static create(properties: clets.v1.DeliveryReport.$Shape): clets.v1.DeliveryReport & clets.v1.DeliveryReport.$Shape;
            static create(properties?: clets.v1.DeliveryReport.$Properties): clets.v1.DeliveryReport;

            /**
             * Encodes the specified DeliveryReport message. Does not implicitly {@link clets.v1.DeliveryReport.verify|verify} messages.
             * @param message DeliveryReport message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.DeliveryReport.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeliveryReport message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.DeliveryReport & clets.v1.DeliveryReport.$Shape} DeliveryReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.DeliveryReport & clets.v1.DeliveryReport.$Shape;

            /**
             * Verifies a DeliveryReport message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a DeliveryReport message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns DeliveryReport
             */
            static fromObject(object: { [k: string]: any }): clets.v1.DeliveryReport;

            /**
             * Creates a plain object from a DeliveryReport message. Also converts values to other types if specified.
             * @param message DeliveryReport
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.DeliveryReport, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DeliveryReport to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace DeliveryReport {

            /** Properties of a DeliveryReport. */
            interface $Properties {

                /** DeliveryReport header */
                header?: (clets.v1.Header.$Properties|null);

                /** DeliveryReport messageId */
                messageId?: (string|null);

                /** DeliveryReport destination */
                destination?: (string|null);

                /** DeliveryReport state */
                state?: (clets.v1.DeliveryState|null);

                /** DeliveryReport atMs */
                atMs?: (number|null);

                /** DeliveryReport text */
                text?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DeliveryReport. */
            type $Shape = clets.v1.DeliveryReport.$Properties;
        }

        /** ConfirmationPriority enum. */
        enum ConfirmationPriority {

            /** CONFIRMATION_PRIORITY_UNSPECIFIED value */
            CONFIRMATION_PRIORITY_UNSPECIFIED = 0,

            /** CONFIRMATION_PRIORITY_URGENT value */
            CONFIRMATION_PRIORITY_URGENT = 1,

            /** CONFIRMATION_PRIORITY_ROUTINE value */
            CONFIRMATION_PRIORITY_ROUTINE = 2
        }

        /**
         * Properties of a HitConfirmationRequest.
         * @deprecated Use clets.v1.HitConfirmationRequest.$Properties instead.
         */
        interface IHitConfirmationRequest extends clets.v1.HitConfirmationRequest.$Properties {
        }

        /** Represents a HitConfirmationRequest. */
        class HitConfirmationRequest {

            /**
             * Constructs a new HitConfirmationRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.HitConfirmationRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HitConfirmationRequest header. */
            header?: (clets.v1.Header.$Properties|null);

            /** HitConfirmationRequest confirmationId. */
            confirmationId: string;

            /** HitConfirmationRequest recordId. */
            recordId: string;

            /** HitConfirmationRequest priority. */
            priority: clets.v1.ConfirmationPriority;

            /** HitConfirmationRequest requestNumber. */
            requestNumber: number;

            /** HitConfirmationRequest requestingOri. */
            requestingOri: string;

            /** HitConfirmationRequest enteringOri. */
            enteringOri: string;

            /** HitConfirmationRequest answerDueMs. */
            answerDueMs: number;

            /** HitConfirmationRequest text. */
            text: string;

            /**
             * Creates a new HitConfirmationRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HitConfirmationRequest instance
             */
            static create(properties: clets.v1.HitConfirmationRequest.$Shape): clets.v1.HitConfirmationRequest & clets.v1.HitConfirmationRequest.$Shape;
            static create(properties?: clets.v1.HitConfirmationRequest.$Properties): clets.v1.HitConfirmationRequest;

            /**
             * Encodes the specified HitConfirmationRequest message. Does not implicitly {@link clets.v1.HitConfirmationRequest.verify|verify} messages.
             * @param message HitConfirmationRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.HitConfirmationRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HitConfirmationRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.HitConfirmationRequest & clets.v1.HitConfirmationRequest.$Shape} HitConfirmationRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.HitConfirmationRequest & clets.v1.HitConfirmationRequest.$Shape;

            /**
             * Verifies a HitConfirmationRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a HitConfirmationRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HitConfirmationRequest
             */
            static fromObject(object: { [k: string]: any }): clets.v1.HitConfirmationRequest;

            /**
             * Creates a plain object from a HitConfirmationRequest message. Also converts values to other types if specified.
             * @param message HitConfirmationRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.HitConfirmationRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HitConfirmationRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace HitConfirmationRequest {

            /** Properties of a HitConfirmationRequest. */
            interface $Properties {

                /** HitConfirmationRequest header */
                header?: (clets.v1.Header.$Properties|null);

                /** HitConfirmationRequest confirmationId */
                confirmationId?: (string|null);

                /** HitConfirmationRequest recordId */
                recordId?: (string|null);

                /** HitConfirmationRequest priority */
                priority?: (clets.v1.ConfirmationPriority|null);

                /** HitConfirmationRequest requestNumber */
                requestNumber?: (number|null);

                /** HitConfirmationRequest requestingOri */
                requestingOri?: (string|null);

                /** HitConfirmationRequest enteringOri */
                enteringOri?: (string|null);

                /** HitConfirmationRequest answerDueMs */
                answerDueMs?: (number|null);

                /** HitConfirmationRequest text */
                text?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HitConfirmationRequest. */
            type $Shape = clets.v1.HitConfirmationRequest.$Properties;
        }

        /** ConfirmationState enum. */
        enum ConfirmationState {

            /** CONFIRMATION_STATE_UNSPECIFIED value */
            CONFIRMATION_STATE_UNSPECIFIED = 0,

            /** CONFIRMATION_STATE_CONFIRMED value */
            CONFIRMATION_STATE_CONFIRMED = 1,

            /** CONFIRMATION_STATE_NOT_CONFIRMED value */
            CONFIRMATION_STATE_NOT_CONFIRMED = 2,

            /** CONFIRMATION_STATE_ANSWER_BY value */
            CONFIRMATION_STATE_ANSWER_BY = 3,

            /** CONFIRMATION_STATE_ESCALATED value */
            CONFIRMATION_STATE_ESCALATED = 4
        }

        /**
         * Properties of a HitConfirmationResponse.
         * @deprecated Use clets.v1.HitConfirmationResponse.$Properties instead.
         */
        interface IHitConfirmationResponse extends clets.v1.HitConfirmationResponse.$Properties {
        }

        /** Represents a HitConfirmationResponse. */
        class HitConfirmationResponse {

            /**
             * Constructs a new HitConfirmationResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.HitConfirmationResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HitConfirmationResponse header. */
            header?: (clets.v1.Header.$Properties|null);

            /** HitConfirmationResponse confirmationId. */
            confirmationId: string;

            /** HitConfirmationResponse recordId. */
            recordId: string;

            /** HitConfirmationResponse state. */
            state: clets.v1.ConfirmationState;

            /** HitConfirmationResponse answerByMs. */
            answerByMs: number;

            /** HitConfirmationResponse respondingOri. */
            respondingOri: string;

            /** HitConfirmationResponse text. */
            text: string;

            /**
             * Creates a new HitConfirmationResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HitConfirmationResponse instance
             */
            static create(properties: clets.v1.HitConfirmationResponse.$Shape): clets.v1.HitConfirmationResponse & clets.v1.HitConfirmationResponse.$Shape;
            static create(properties?: clets.v1.HitConfirmationResponse.$Properties): clets.v1.HitConfirmationResponse;

            /**
             * Encodes the specified HitConfirmationResponse message. Does not implicitly {@link clets.v1.HitConfirmationResponse.verify|verify} messages.
             * @param message HitConfirmationResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.HitConfirmationResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HitConfirmationResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.HitConfirmationResponse & clets.v1.HitConfirmationResponse.$Shape} HitConfirmationResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.HitConfirmationResponse & clets.v1.HitConfirmationResponse.$Shape;

            /**
             * Verifies a HitConfirmationResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a HitConfirmationResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HitConfirmationResponse
             */
            static fromObject(object: { [k: string]: any }): clets.v1.HitConfirmationResponse;

            /**
             * Creates a plain object from a HitConfirmationResponse message. Also converts values to other types if specified.
             * @param message HitConfirmationResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.HitConfirmationResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HitConfirmationResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace HitConfirmationResponse {

            /** Properties of a HitConfirmationResponse. */
            interface $Properties {

                /** HitConfirmationResponse header */
                header?: (clets.v1.Header.$Properties|null);

                /** HitConfirmationResponse confirmationId */
                confirmationId?: (string|null);

                /** HitConfirmationResponse recordId */
                recordId?: (string|null);

                /** HitConfirmationResponse state */
                state?: (clets.v1.ConfirmationState|null);

                /** HitConfirmationResponse answerByMs */
                answerByMs?: (number|null);

                /** HitConfirmationResponse respondingOri */
                respondingOri?: (string|null);

                /** HitConfirmationResponse text */
                text?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HitConfirmationResponse. */
            type $Shape = clets.v1.HitConfirmationResponse.$Properties;
        }

        /** LinkState enum. */
        enum LinkState {

            /** LINK_STATE_UNSPECIFIED value */
            LINK_STATE_UNSPECIFIED = 0,

            /** LINK_STATE_UP value */
            LINK_STATE_UP = 1,

            /** LINK_STATE_DOWN value */
            LINK_STATE_DOWN = 2
        }

        /**
         * Properties of a StatusMessage.
         * @deprecated Use clets.v1.StatusMessage.$Properties instead.
         */
        interface IStatusMessage extends clets.v1.StatusMessage.$Properties {
        }

        /** Represents a StatusMessage. */
        class StatusMessage {

            /**
             * Constructs a new StatusMessage.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.StatusMessage.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StatusMessage system. */
            system: string;

            /** StatusMessage state. */
            state: clets.v1.LinkState;

            /** StatusMessage atMs. */
            atMs: number;

            /** StatusMessage text. */
            text: string;

            /** StatusMessage reportedBy. */
            reportedBy: string;

            /**
             * Creates a new StatusMessage instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StatusMessage instance
             */
            static create(properties: clets.v1.StatusMessage.$Shape): clets.v1.StatusMessage & clets.v1.StatusMessage.$Shape;
            static create(properties?: clets.v1.StatusMessage.$Properties): clets.v1.StatusMessage;

            /**
             * Encodes the specified StatusMessage message. Does not implicitly {@link clets.v1.StatusMessage.verify|verify} messages.
             * @param message StatusMessage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.StatusMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StatusMessage message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.StatusMessage & clets.v1.StatusMessage.$Shape} StatusMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.StatusMessage & clets.v1.StatusMessage.$Shape;

            /**
             * Verifies a StatusMessage message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a StatusMessage message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns StatusMessage
             */
            static fromObject(object: { [k: string]: any }): clets.v1.StatusMessage;

            /**
             * Creates a plain object from a StatusMessage message. Also converts values to other types if specified.
             * @param message StatusMessage
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.StatusMessage, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this StatusMessage to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace StatusMessage {

            /** Properties of a StatusMessage. */
            interface $Properties {

                /** StatusMessage system */
                system?: (string|null);

                /** StatusMessage state */
                state?: (clets.v1.LinkState|null);

                /** StatusMessage atMs */
                atMs?: (number|null);

                /** StatusMessage text */
                text?: (string|null);

                /** StatusMessage reportedBy */
                reportedBy?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StatusMessage. */
            type $Shape = clets.v1.StatusMessage.$Properties;
        }

        /**
         * Properties of a LinkHello.
         * @deprecated Use clets.v1.LinkHello.$Properties instead.
         */
        interface ILinkHello extends clets.v1.LinkHello.$Properties {
        }

        /** Represents a LinkHello. */
        class LinkHello {

            /**
             * Constructs a new LinkHello.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.LinkHello.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LinkHello peerId. */
            peerId: string;

            /** LinkHello secret. */
            secret: string;

            /** LinkHello role. */
            role: string;

            /** LinkHello servedOris. */
            servedOris: string[];

            /** LinkHello servedTerminals. */
            servedTerminals: string[];

            /** LinkHello protocolVersion. */
            protocolVersion: number;

            /**
             * Creates a new LinkHello instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LinkHello instance
             */
            static create(properties: clets.v1.LinkHello.$Shape): clets.v1.LinkHello & clets.v1.LinkHello.$Shape;
            static create(properties?: clets.v1.LinkHello.$Properties): clets.v1.LinkHello;

            /**
             * Encodes the specified LinkHello message. Does not implicitly {@link clets.v1.LinkHello.verify|verify} messages.
             * @param message LinkHello message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.LinkHello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LinkHello message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.LinkHello & clets.v1.LinkHello.$Shape} LinkHello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.LinkHello & clets.v1.LinkHello.$Shape;

            /**
             * Verifies a LinkHello message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LinkHello message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LinkHello
             */
            static fromObject(object: { [k: string]: any }): clets.v1.LinkHello;

            /**
             * Creates a plain object from a LinkHello message. Also converts values to other types if specified.
             * @param message LinkHello
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.LinkHello, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LinkHello to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LinkHello {

            /** Properties of a LinkHello. */
            interface $Properties {

                /** LinkHello peerId */
                peerId?: (string|null);

                /** LinkHello secret */
                secret?: (string|null);

                /** LinkHello role */
                role?: (string|null);

                /** LinkHello servedOris */
                servedOris?: (string[]|null);

                /** LinkHello servedTerminals */
                servedTerminals?: (string[]|null);

                /** LinkHello protocolVersion */
                protocolVersion?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LinkHello. */
            type $Shape = clets.v1.LinkHello.$Properties;
        }

        /**
         * Properties of a LinkWelcome.
         * @deprecated Use clets.v1.LinkWelcome.$Properties instead.
         */
        interface ILinkWelcome extends clets.v1.LinkWelcome.$Properties {
        }

        /** Represents a LinkWelcome. */
        class LinkWelcome {

            /**
             * Constructs a new LinkWelcome.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.LinkWelcome.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LinkWelcome ok. */
            ok: boolean;

            /** LinkWelcome systems. */
            systems: string[];

            /** LinkWelcome code. */
            code: string;

            /** LinkWelcome reason. */
            reason: string;

            /** LinkWelcome peerId. */
            peerId: string;

            /**
             * Creates a new LinkWelcome instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LinkWelcome instance
             */
            static create(properties: clets.v1.LinkWelcome.$Shape): clets.v1.LinkWelcome & clets.v1.LinkWelcome.$Shape;
            static create(properties?: clets.v1.LinkWelcome.$Properties): clets.v1.LinkWelcome;

            /**
             * Encodes the specified LinkWelcome message. Does not implicitly {@link clets.v1.LinkWelcome.verify|verify} messages.
             * @param message LinkWelcome message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.LinkWelcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LinkWelcome message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.LinkWelcome & clets.v1.LinkWelcome.$Shape} LinkWelcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.LinkWelcome & clets.v1.LinkWelcome.$Shape;

            /**
             * Verifies a LinkWelcome message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LinkWelcome message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LinkWelcome
             */
            static fromObject(object: { [k: string]: any }): clets.v1.LinkWelcome;

            /**
             * Creates a plain object from a LinkWelcome message. Also converts values to other types if specified.
             * @param message LinkWelcome
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.LinkWelcome, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LinkWelcome to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LinkWelcome {

            /** Properties of a LinkWelcome. */
            interface $Properties {

                /** LinkWelcome ok */
                ok?: (boolean|null);

                /** LinkWelcome systems */
                systems?: (string[]|null);

                /** LinkWelcome code */
                code?: (string|null);

                /** LinkWelcome reason */
                reason?: (string|null);

                /** LinkWelcome peerId */
                peerId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LinkWelcome. */
            type $Shape = clets.v1.LinkWelcome.$Properties;
        }

        /**
         * Properties of a LinkRequest.
         * @deprecated Use clets.v1.LinkRequest.$Properties instead.
         */
        interface ILinkRequest extends clets.v1.LinkRequest.$Properties {
        }

        /** Represents a LinkRequest. */
        class LinkRequest {

            /**
             * Constructs a new LinkRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.LinkRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LinkRequest requestId. */
            requestId: string;

            /** LinkRequest transaction. */
            transaction?: (clets.v1.Transaction.$Properties|null);

            /** LinkRequest system. */
            system: string;

            /** LinkRequest deadlineMs. */
            deadlineMs: number;

            /**
             * Creates a new LinkRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LinkRequest instance
             */
            static create(properties: clets.v1.LinkRequest.$Shape): clets.v1.LinkRequest & clets.v1.LinkRequest.$Shape;
            static create(properties?: clets.v1.LinkRequest.$Properties): clets.v1.LinkRequest;

            /**
             * Encodes the specified LinkRequest message. Does not implicitly {@link clets.v1.LinkRequest.verify|verify} messages.
             * @param message LinkRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.LinkRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LinkRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.LinkRequest & clets.v1.LinkRequest.$Shape} LinkRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.LinkRequest & clets.v1.LinkRequest.$Shape;

            /**
             * Verifies a LinkRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LinkRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LinkRequest
             */
            static fromObject(object: { [k: string]: any }): clets.v1.LinkRequest;

            /**
             * Creates a plain object from a LinkRequest message. Also converts values to other types if specified.
             * @param message LinkRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.LinkRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LinkRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LinkRequest {

            /** Properties of a LinkRequest. */
            interface $Properties {

                /** LinkRequest requestId */
                requestId?: (string|null);

                /** LinkRequest transaction */
                transaction?: (clets.v1.Transaction.$Properties|null);

                /** LinkRequest system */
                system?: (string|null);

                /** LinkRequest deadlineMs */
                deadlineMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LinkRequest. */
            type $Shape = clets.v1.LinkRequest.$Properties;
        }

        /**
         * Properties of a LinkReply.
         * @deprecated Use clets.v1.LinkReply.$Properties instead.
         */
        interface ILinkReply extends clets.v1.LinkReply.$Properties {
        }

        /** Represents a LinkReply. */
        class LinkReply {

            /**
             * Constructs a new LinkReply.
             * @param [properties] Properties to set
             */
            constructor(properties?: clets.v1.LinkReply.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LinkReply requestId. */
            requestId: string;

            /** LinkReply responses. */
            responses: clets.v1.Response.$Properties[];

            /** LinkReply reject. */
            reject?: (clets.v1.Reject.$Properties|null);

            /** LinkReply queued. */
            queued?: (clets.v1.QueuedNotice.$Properties|null);

            /** LinkReply deliveryReports. */
            deliveryReports: clets.v1.DeliveryReport.$Properties[];

            /** LinkReply final. */
            final: boolean;

            /**
             * Creates a new LinkReply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LinkReply instance
             */
            static create(properties: clets.v1.LinkReply.$Shape): clets.v1.LinkReply & clets.v1.LinkReply.$Shape;
            static create(properties?: clets.v1.LinkReply.$Properties): clets.v1.LinkReply;

            /**
             * Encodes the specified LinkReply message. Does not implicitly {@link clets.v1.LinkReply.verify|verify} messages.
             * @param message LinkReply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: clets.v1.LinkReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LinkReply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {clets.v1.LinkReply & clets.v1.LinkReply.$Shape} LinkReply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): clets.v1.LinkReply & clets.v1.LinkReply.$Shape;

            /**
             * Verifies a LinkReply message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LinkReply message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LinkReply
             */
            static fromObject(object: { [k: string]: any }): clets.v1.LinkReply;

            /**
             * Creates a plain object from a LinkReply message. Also converts values to other types if specified.
             * @param message LinkReply
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: clets.v1.LinkReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LinkReply to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LinkReply {

            /** Properties of a LinkReply. */
            interface $Properties {

                /** LinkReply requestId */
                requestId?: (string|null);

                /** LinkReply responses */
                responses?: (clets.v1.Response.$Properties[]|null);

                /** LinkReply reject */
                reject?: (clets.v1.Reject.$Properties|null);

                /** LinkReply queued */
                queued?: (clets.v1.QueuedNotice.$Properties|null);

                /** LinkReply deliveryReports */
                deliveryReports?: (clets.v1.DeliveryReport.$Properties[]|null);

                /** LinkReply final */
                final?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LinkReply. */
            type $Shape = clets.v1.LinkReply.$Properties;
        }
    }
}
