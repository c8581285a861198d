"""Plausible wrong answers to kata 27; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("scales eps by the variance exp(logvar) instead of the standard deviation")
def reparameterize(mu, logvar, eps):
    return mu + tf.exp(logvar) * eps


@wrong_answer("uses logvar itself as the standard deviation")
def reparameterize(mu, logvar, eps):  # noqa: F811
    return mu + logvar * eps


@wrong_answer("tf.random.normal with a seed argument: a new sample on every call")
def sample_latent(mu, logvar, seed):
    return reparameterize(mu, logvar, tf.random.normal(tf.shape(mu), seed=seed[0]))


@wrong_answer("one eps of shape [latent] shared by every example")
def sample_latent(mu, logvar, seed):  # noqa: F811
    return reparameterize(mu, logvar, tf.random.stateless_normal(tf.shape(mu)[-1:], seed=seed))


@wrong_answer("averages over latent dimensions instead of summing")
def kl_divergence(mu, logvar):
    return -0.5 * tf.reduce_mean(1.0 + logvar - tf.square(mu) - tf.exp(logvar), axis=-1)


@wrong_answer("drops the minus sign: +0.5 * sum(...)")
def kl_divergence(mu, logvar):  # noqa: F811
    return 0.5 * tf.reduce_sum(1.0 + logvar - tf.square(mu) - tf.exp(logvar), axis=-1)


@wrong_answer("treats logvar as the variance: log(logvar) and logvar in place of logvar and exp(logvar)")
def kl_divergence(mu, logvar):  # noqa: F811
    return -0.5 * tf.reduce_sum(1.0 + tf.math.log(tf.abs(logvar)) - tf.square(mu) - logvar, axis=-1)


@wrong_answer("swaps the labels: 0 for real images, 1 for fakes")
def discriminator_loss(real_logits, fake_logits):
    real = tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros_like(real_logits), logits=real_logits)
    fake = tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.ones_like(fake_logits), logits=fake_logits)
    return tf.reduce_mean(real) + tf.reduce_mean(fake)


@wrong_answer("log(sigmoid(...)) by hand: infinite for a logit of 40")
def discriminator_loss(real_logits, fake_logits):  # noqa: F811
    return (-tf.reduce_mean(tf.math.log(tf.sigmoid(real_logits)))
            - tf.reduce_mean(tf.math.log(1.0 - tf.sigmoid(fake_logits))))


@wrong_answer("averages the two terms instead of adding them")
def discriminator_loss(real_logits, fake_logits):  # noqa: F811
    real = tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.ones_like(real_logits), logits=real_logits)
    fake = tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros_like(fake_logits), logits=fake_logits)
    return (tf.reduce_mean(real) + tf.reduce_mean(fake)) / 2.0


@wrong_answer("labels the fakes 0 in the generator loss too (the discriminator's target)")
def generator_loss(fake_logits):
    return tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros_like(fake_logits),
                                                                  logits=fake_logits))


@wrong_answer("uses the saturating minimax loss as the generator loss")
def generator_loss(fake_logits):  # noqa: F811
    return -tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros_like(fake_logits),
                                                                   logits=fake_logits))


@wrong_answer("minimax loss without the minus sign (returns +BCE(0, fake))")
def minimax_generator_loss(fake_logits):
    return tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros_like(fake_logits),
                                                                  logits=fake_logits))


@wrong_answer("minimax loss as -BCE(1, fake): the non-saturating loss with a minus sign")
def minimax_generator_loss(fake_logits):  # noqa: F811
    return -tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.ones_like(fake_logits),
                                                                   logits=fake_logits))


@wrong_answer("kl_divergence sums over every axis: one scalar for the batch instead of [batch]")
def kl_divergence(mu, logvar):  # noqa: F811
    return -0.5 * tf.reduce_sum(1.0 + logvar - tf.square(mu) - tf.exp(logvar))


@wrong_answer("one mean over real and fake examples together (concatenated), not the sum of two means")
def discriminator_loss(real_logits, fake_logits):  # noqa: F811
    logits = tf.concat([real_logits, fake_logits], axis=0)
    labels = tf.concat([tf.ones_like(real_logits), tf.zeros_like(fake_logits)], axis=0)
    return tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits))


@wrong_answer("keras.losses.BinaryCrossentropy() without from_logits=True: treats logits as probabilities")
def generator_loss(fake_logits):  # noqa: F811
    import keras
    return keras.losses.BinaryCrossentropy()(tf.ones_like(fake_logits), fake_logits)
