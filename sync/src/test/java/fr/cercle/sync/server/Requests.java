package fr.cercle.sync.server;

import fr.cercle.persistence.CercleDatabase;
import fr.cercle.sync.client.Enrolment;
import fr.cercle.sync.seal.RequestSignature;
import fr.cercle.sync.tls.PinnedTrust;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests made by hand, signed as an installation signs them, to send the server what a client would not. */
final class Requests {

    private Requests() {
    }

    static HttpClient client(Enrolment enrolment) {
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (enrolment.secure()) {
            builder.sslContext(PinnedTrust.pinned(enrolment.tlsPin()));
        }
        return builder.build();
    }

    static HttpRequest.Builder signed(TestServer server, CercleDatabase device, Enrolment enrolment, String method,
                                      String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(server.uri() + pathAndQuery.substring(1)))
                .header(RequestSignature.DEVICE_HEADER, device.deviceId().toString())
                .header(RequestSignature.SIGNATURE_HEADER, RequestSignature.sign(enrolment.deviceKeys(), method, pathAndQuery));
    }

    static HttpResponse<String> push(TestServer server, CercleDatabase device, Enrolment enrolment, byte[] body)
            throws IOException, InterruptedException {
        String path = "/v1/push?device=" + device.deviceId();
        return client(enrolment).send(signed(server, device, enrolment, "POST", path)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
