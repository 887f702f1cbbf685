// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import org.idx.images.testing.S3ProxyServer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.idx.images.StoreSpec;

/** Specs and factories shared by the S3 tests. */
final class S3Fixtures {

    private S3Fixtures() {
    }

    static StoreSpec spec(URI endpoint, String bucket, String prefix, boolean anonymous) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(S3Location.ENDPOINT, endpoint.toString());
        p.put(S3Location.BUCKET, bucket);
        p.put(S3Location.PREFIX, prefix);
        p.put(S3Location.PATH_STYLE, "true");
        p.put(S3Location.ANONYMOUS, Boolean.toString(anonymous));
        return new StoreSpec("s3", p);
    }

    static S3StoreFactory factory(String keyId, String secret, S3Options options) {
        return new S3StoreFactory(location -> Optional.of(S3Credentials.of(keyId, secret)), options);
    }

    static S3StoreFactory factory(S3Options options) {
        return factory(S3ProxyServer.KEY_ID, S3ProxyServer.SECRET, options);
    }
}
