package com.pkmnapi.platform;

/**
 * Settings read once, at start: the platform makes every bean of this type as the application
 * starts ({@link Configuration}), so that a value that cannot be used stops the deployment with
 * the setting's name instead of failing the first request that needs it. Each concern's settings
 * record implements it and is produced {@code @Singleton} by its feature.
 */
public interface ReadAtStart {
}
