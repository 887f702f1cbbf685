// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.idx.images.ImageAccessException;
import org.idx.images.ImageStore;
import org.idx.images.ImageStoreFactory;
import org.idx.images.StoreSpec;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * The {@code s3} scheme: images in a bucket of an S3-compatible object store (AWS S3, MinIO, Ceph,
 * S3Proxy...). The {@link StoreSpec} properties (none of them a secret):
 * <dl>
 * <dt>{@code endpoint}</dt><dd>the service URL, e.g. {@code https://minio.example.org:9000}; empty for AWS S3 of the region</dd>
 * <dt>{@code region}</dt><dd>the signing region, default {@code us-east-1} (S3-compatible servers accept any)</dd>
 * <dt>{@code bucket}</dt><dd>the bucket (required)</dd>
 * <dt>{@code prefix}</dt><dd>the folder inside the bucket that is the image root, e.g. {@code screens/2024}; keys
 *     never reach outside it</dd>
 * <dt>{@code path-style}</dt><dd>{@code true}: {@code http://host/bucket/key} (most self-hosted servers);
 *     {@code false} (default): {@code http://bucket.host/key}</dd>
 * <dt>{@code anonymous}</dt><dd>{@code true}: unsigned requests to a public bucket; no credentials are looked up</dd>
 * <dt>{@code profile}</dt><dd>a profile of {@code ~/.aws/credentials} to take the keys from</dd>
 * </dl>
 * Credentials, unless anonymous, come from the first of: a {@link CredentialsLookup} (given to the
 * constructor, or in the platform the registered OSGi services, highest ranking first: the UI's
 * Eclipse secure storage), the named {@code profile}, the environment ({@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}), the system properties
 * ({@code aws.accessKeyId}...), the default profile. Nothing else is asked (no instance metadata
 * service), and no {@code ServiceLoader} is involved: the SDK's HTTP client is built here. Object bytes
 * do not go through the SDK's client but through the JDK's, on URLs signed with those credentials (see
 * {@link ObjectGets}).
 * <p>
 * In the platform the fetched ranges are cached on disk in this bundle's data area, at most
 * {@value #DEFAULT_DISK_CACHE_MEGABYTES} MB unless the instance preference {@value #DISK_CACHE_MEGABYTES}
 * of node {@value #PREFERENCE_NODE} says otherwise (0 turns the cache off).
 */
public final class S3StoreFactory implements ImageStoreFactory {

    /** The preference node of this bundle. */
    public static final String PREFERENCE_NODE = "org.idx.images.s3";
    /** The preference holding the disk cache limit in megabytes (0: no disk cache). */
    public static final String DISK_CACHE_MEGABYTES = "diskCacheMegabytes";
    /** The disk cache limit when the preference is not set. */
    public static final int DEFAULT_DISK_CACHE_MEGABYTES = 1024;

    private final CredentialsLookup credentials;
    private final S3Options fixedOptions;
    private DiskCache platformCache;

    /** The factory the extension point creates: credentials from OSGi services, options from the preferences. */
    public S3StoreFactory() {
        this.credentials = S3StoreFactory::fromServices;
        this.fixedOptions = null;
    }

    /**
     * A factory with explicit credentials lookup and options (tests, benchmarks, command line).
     *
     * @param credentials asked first for the credentials of an image root
     * @param options     timeouts, retries, parallelism, disk cache
     */
    public S3StoreFactory(CredentialsLookup credentials, S3Options options) {
        this.credentials = credentials;
        this.fixedOptions = options;
    }

    @Override
    public S3ImageStore open(StoreSpec spec) throws ImageAccessException {
        return open(S3Location.of(spec), options());
    }

    private S3ImageStore open(S3Location location, S3Options options) throws ImageAccessException {
        AwsCredentialsProvider provider = provider(location);
        S3Client client = client(location, options, provider);
        ObjectGets gets = new ObjectGets(location.bucket(), location.region(), client.utilities(),
                location.anonymous() ? null : provider, options);
        return new S3ImageStore(location, client, gets, () -> keyId(location, provider), options);
    }

    @Override
    public String test(StoreSpec spec) throws ImageAccessException {
        S3Location location = S3Location.of(spec);
        S3Options options = options().withRetries(1, java.time.Duration.ZERO);
        AwsCredentialsProvider provider = provider(location);
        try (S3Client client = client(location, options, provider)) {
            client.headBucket(HeadBucketRequest.builder().bucket(location.bucket()).build());
            ListObjectsV2Response list = client.listObjectsV2(b -> b.bucket(location.bucket()).prefix(location.prefix()).maxKeys(1));
            String who = location.anonymous() ? "anonymously"
                    : keyId(location, provider).map(k -> "with access key " + S3Credentials.mask(k)).orElse("with the configured credentials");
            String where = location.prefix().isEmpty() ? "the bucket" : "prefix '" + location.prefix() + "'";
            return "Bucket '" + location.bucket() + "' at " + location.endpointName() + " is readable " + who + "; " + where
                    + (list.keyCount() != null && list.keyCount() > 0 ? " holds objects." : " holds no objects yet.");
        } catch (RuntimeException e) {
            throw new ImageAccessException(S3Failure.of(e, location, keyId(location, provider), options.readTimeout(), null).sentence(), e);
        }
    }

    private static S3Client client(S3Location location, S3Options options, AwsCredentialsProvider provider) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(options.connectTimeout())
                        .socketTimeout(options.readTimeout()).build())
                .region(Region.of(location.region()))
                .credentialsProvider(provider)
                .forcePathStyle(location.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
        location.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private AwsCredentialsProvider provider(S3Location location) throws ImageAccessException {
        if (location.anonymous()) {
            return AnonymousCredentialsProvider.create();
        }
        Optional<S3Credentials> found = credentials.find(location);
        if (found.isPresent()) {
            S3Credentials c = found.get();
            return StaticCredentialsProvider.create(c.sessionToken().isPresent()
                    ? AwsSessionCredentials.create(c.accessKeyId(), c.secretKey(), c.sessionToken().get())
                    : AwsBasicCredentials.create(c.accessKeyId(), c.secretKey()));
        }
        if (location.profile().isPresent()) {
            return ProfileCredentialsProvider.create(location.profile().get());
        }
        return AwsCredentialsProviderChain.of(EnvironmentVariableCredentialsProvider.create(),
                SystemPropertyCredentialsProvider.create(), ProfileCredentialsProvider.create());
    }

    private static Optional<String> keyId(S3Location location, AwsCredentialsProvider provider) {
        if (location.anonymous()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(provider.resolveCredentials().accessKeyId());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private synchronized S3Options options() {
        if (fixedOptions != null) {
            return fixedOptions;
        }
        int megabytes = DEFAULT_DISK_CACHE_MEGABYTES;
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(PREFERENCE_NODE);
        if (node != null) {
            megabytes = Math.max(0, node.getInt(DISK_CACHE_MEGABYTES, DEFAULT_DISK_CACHE_MEGABYTES));
        }
        long bytes = megabytes * 1024L * 1024L;
        if (bytes == 0) {
            platformCache = null;
        } else if (platformCache == null || platformCache.maxBytes() != bytes) {
            Bundle bundle = FrameworkUtil.getBundle(S3StoreFactory.class);
            File folder = bundle == null ? null : bundle.getDataFile("range-cache");
            try {
                platformCache = folder == null ? null : new DiskCache(folder.toPath(), bytes);
            } catch (IOException e) {
                platformCache = null;
            }
        }
        return S3Options.DEFAULT.withDiskCache(platformCache);
    }

    /** The credentials of the registered {@link CredentialsLookup} services, highest ranking first. */
    private static Optional<S3Credentials> fromServices(S3Location location) throws ImageAccessException {
        Bundle bundle = FrameworkUtil.getBundle(S3StoreFactory.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            return Optional.empty();
        }
        List<ServiceReference<CredentialsLookup>> references;
        try {
            references = new ArrayList<>(context.getServiceReferences(CredentialsLookup.class, null));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        references.sort(Collections.reverseOrder());
        for (ServiceReference<CredentialsLookup> reference : references) {
            CredentialsLookup lookup = context.getService(reference);
            if (lookup == null) {
                continue;
            }
            try {
                Optional<S3Credentials> found = lookup.find(location);
                if (found.isPresent()) {
                    return found;
                }
            } finally {
                context.ungetService(reference);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "S3StoreFactory";
    }
}
