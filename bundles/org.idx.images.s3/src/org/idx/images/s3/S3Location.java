// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageKeys;
import org.idx.images.StoreSpec;

/**
 * The settings of an {@code s3} image root, read and checked from a {@link StoreSpec} (see
 * {@link S3StoreFactory} for the properties). Holds no secret.
 *
 * @param endpoint  the service URL, empty for AWS S3 of the region
 * @param region    the signing region
 * @param bucket    the bucket
 * @param prefix    the folder inside the bucket that is the image root: empty, or ending with '/'
 * @param pathStyle whether the bucket goes into the path rather than the host name
 * @param anonymous whether requests are sent unsigned
 * @param profile   the AWS profile to take credentials from, empty for the default chain
 */
public record S3Location(Optional<URI> endpoint, String region, String bucket, String prefix, boolean pathStyle,
        boolean anonymous, Optional<String> profile) {

    /** The property naming the service URL. */
    public static final String ENDPOINT = "endpoint";
    /** The property naming the signing region. */
    public static final String REGION = "region";
    /** The property naming the bucket. */
    public static final String BUCKET = "bucket";
    /** The property naming the folder inside the bucket. */
    public static final String PREFIX = "prefix";
    /** The property choosing path-style addressing ({@code true}/{@code false}). */
    public static final String PATH_STYLE = "path-style";
    /** The property choosing anonymous access ({@code true}/{@code false}). */
    public static final String ANONYMOUS = "anonymous";
    /** The property naming an AWS profile. */
    public static final String PROFILE = "profile";
    /** The region used when none is set (S3-compatible servers accept any). */
    public static final String DEFAULT_REGION = "us-east-1";

    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.\\-_]{1,254}");

    /**
     * Reads and checks a spec.
     *
     * @param spec a spec of scheme {@code s3}
     * @return the location
     * @throws ImageAccessException naming the property that is missing or invalid
     */
    public static S3Location of(StoreSpec spec) throws ImageAccessException {
        String bucket = trimmed(spec, BUCKET);
        if (bucket.isEmpty()) {
            throw new ImageAccessException("The S3 image root has no bucket: the '" + BUCKET + "' setting is empty.");
        }
        if (!BUCKET_NAME.matcher(bucket).matches()) {
            throw new ImageAccessException("The S3 bucket name '" + bucket
                    + "' is not valid: use 2 to 255 lower-case letters, digits, '.', '-' or '_'.");
        }
        Optional<URI> endpoint = Optional.empty();
        String e = trimmed(spec, ENDPOINT);
        if (!e.isEmpty()) {
            try {
                URI uri = new URI(e);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                    throw new ImageAccessException("The S3 endpoint '" + e
                            + "' is not an http:// or https:// URL with a host name, e.g. https://s3.example.org:9000.");
                }
                endpoint = Optional.of(uri);
            } catch (URISyntaxException x) {
                throw new ImageAccessException("The S3 endpoint '" + e + "' is not a valid URL (" + x.getReason() + ").");
            }
        }
        String region = trimmed(spec, REGION);
        String prefix = trimmed(spec, PREFIX);
        if (!prefix.isEmpty()) {
            String root = "s3://" + bucket;
            prefix = ImageKeys.normalize(prefix, root) + "/";
        }
        String profile = trimmed(spec, PROFILE);
        return new S3Location(endpoint, region.isEmpty() ? DEFAULT_REGION : region, bucket, prefix,
                flag(spec, PATH_STYLE), flag(spec, ANONYMOUS), profile.isEmpty() ? Optional.empty() : Optional.of(profile));
    }

    private static String trimmed(StoreSpec spec, String name) {
        String value = spec.property(name);
        return value == null ? "" : value.trim();
    }

    private static boolean flag(StoreSpec spec, String name) throws ImageAccessException {
        String value = trimmed(spec, name).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "false", "no" -> false;
            case "true", "yes" -> true;
            default -> throw new ImageAccessException("The S3 setting '" + name + "' is '" + value + "'; it must be true or false.");
        };
    }

    /** @return the root for messages, e.g. {@code s3://bucket/prefix/ at http://127.0.0.1:9000} */
    public String describe() {
        return "s3://" + bucket + "/" + prefix + endpoint.map(u -> " at " + u).orElse(" (AWS, " + region + ")");
    }

    /** @return the endpoint for messages: its URL or "AWS S3 in REGION" */
    public String endpointName() {
        return endpoint.map(URI::toString).orElse("AWS S3 in " + region);
    }

    /**
     * @param normalizedKey a key checked by {@link ImageKeys#normalize(String, String)}
     * @return the object key in the bucket
     */
    String objectKey(String normalizedKey) {
        return prefix + normalizedKey;
    }
}
