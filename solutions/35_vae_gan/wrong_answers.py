"""Plausible wrong answers to kata 35; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("reparameterize", "scales eps by the variance exp(logvar) instead of the standard deviation")
def scales_eps_variance_exp_logvar(mu, logvar, eps):
    return mu + tf.exp(logvar) * eps


@wrong_answer("reparameterize", "uses logvar itself as the standard deviation")
def uses_logvar_itself_standard_deviation(mu, logvar, eps):
    return mu + logvar * eps


@wrong_answer("sample_latent", "tf.random.normal with a seed argument: a new sample on every call")
def tf_random_normal_seed_argument(mu, logvar, seed):
    return reparameterize(mu, logvar, tf.random.normal(tf.shape(mu), seed=seed[0]))


@wrong_answer("sample_latent", "one eps of shape [latent] shared by every example")
def one_eps_shape_latent_shared(mu, logvar, seed):
    return reparameterize(mu, logvar, tf.random.stateless_normal(tf.shape(mu)[-1:], seed=seed))


@wrong_answer("kl_divergence", "averages over latent dimensions instead of summing")
def averages_over_latent_dimensions_instead(mu, logvar):
    return -0.5 * tf.reduce_mean(1.0 + logvar - tf.square(mu) - tf.exp(logvar), axis=-1)


@wrong_answer("kl_divergence", "drops the minus sign: +0.5 * sum(...)")
def drops_minus_sign_0_5(mu, logvar):
    return 0.5 * tf.reduce_sum(1.0 + logvar - tf.square(mu) - tf.exp(logvar), axis=-1)


@wrong_answer("kl_divergence", "treats logvar as the variance: log(logvar) and logvar in place of logvar and exp(logvar)")
def treats_logvar_variance_log_logvar(mu, logvar):
    return -0.5 * tf.reduce_sum(1.0 + tf.math.log(tf.abs(logvar)) - tf.square(mu) - logvar, axis=-1)


@wrong_answer("discriminator_loss", "swaps the labels: 0 for real images, 1 for fakes")
def swaps_labels_0_real_images(real_logits, fake_logits):
    real = tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros_like(real_logits), logits=real_logits)
    fake = tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.ones_like(fake_logits), logits=fake_logits)
    return tf.reduce_mean(real) + tf.reduce_mean(fake)


@wrong_answer("discriminator_loss", "log(sigmoid(...)) by hand: infinite for a logit of 40")
def log_sigmoid_hand_infinite_logit(real_logits, fake_logits):
    return (-tf.reduce_mean(tf.math.log(tf.sigmoid(real_logits)))
            - tf.reduce_mean(tf.math.log(1.0 - tf.sigmoid(fake_logits))))


@wrong_answer("discriminator_loss", "averages the two terms instead of adding them")
def averages_two_terms_instead_adding(real_logits, fake_logits):
    real = tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.ones_like(real_logits), logits=real_logits)
    fake = tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros_like(fake_logits), logits=fake_logits)
    return (tf.reduce_mean(real) + tf.reduce_mean(fake)) / 2.0


@wrong_answer("generator_loss", "labels the fakes 0 in the generator loss too (the discriminator's target)")
def labels_fakes_0_generator_loss(fake_logits):
    return tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros_like(fake_logits),
                                                                  logits=fake_logits))


@wrong_answer("generator_loss", "uses the saturating minimax loss as the generator loss")
def uses_saturating_minimax_loss_generator(fake_logits):
    return -tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros_like(fake_logits),
                                                                   logits=fake_logits))


@wrong_answer("minimax_generator_loss", "minimax loss without the minus sign (returns +BCE(0, fake))")
def minimax_loss_without_minus_sign(fake_logits):
    return tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros_like(fake_logits),
                                                                  logits=fake_logits))


@wrong_answer("minimax_generator_loss", "minimax loss as -BCE(1, fake): the non-saturating loss with a minus sign")
def minimax_loss_bce_1_fake(fake_logits):
    return -tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.ones_like(fake_logits),
                                                                   logits=fake_logits))


@wrong_answer("kl_divergence", "kl_divergence sums over every axis: one scalar for the batch instead of [batch]")
def kl_divergence_sums_over_every(mu, logvar):
    return -0.5 * tf.reduce_sum(1.0 + logvar - tf.square(mu) - tf.exp(logvar))


@wrong_answer("discriminator_loss", "one mean over real and fake examples together (concatenated), not the sum of two means")
def one_mean_over_real_fake(real_logits, fake_logits):
    logits = tf.concat([real_logits, fake_logits], axis=0)
    labels = tf.concat([tf.ones_like(real_logits), tf.zeros_like(fake_logits)], axis=0)
    return tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits))


@wrong_answer("generator_loss", "keras.losses.BinaryCrossentropy() without from_logits=True: treats logits as probabilities")
def keras_losses_binarycrossentropy_without_logits(fake_logits):
    import keras
    return keras.losses.BinaryCrossentropy()(tf.ones_like(fake_logits), fake_logits)


@wrong_answer("reparameterize", "computes z in numpy: the value is right but no gradient reaches mu or logvar")
def computes_in_numpy(mu, logvar, eps):
    import numpy as np

    return np.asarray(mu) + np.exp(0.5 * np.asarray(logvar)) * np.asarray(eps)


@wrong_answer("sample_latent", "ignores the given seed and always draws with the docstring's (1, 2)")
def ignores_the_seed(mu, logvar, seed):
    return reparameterize(mu, logvar, tf.random.stateless_normal(tf.shape(mu), seed=(1, 2)))


@wrong_answer("sample_latent", "draws eps with tf.random.stateless_uniform: repeatable, but not N(0, 1)")
def draws_uniform_noise(mu, logvar, seed):
    return reparameterize(mu, logvar, tf.random.stateless_uniform(tf.shape(mu), seed=seed))


@wrong_answer("kl_divergence", "forgets the 1 inside the closed form: off by 0.5 per latent dimension")
def forgets_the_one(mu, logvar):
    return -0.5 * tf.reduce_sum(logvar - tf.square(mu) - tf.exp(logvar), axis=-1)


@wrong_answer("kl_divergence", "sums over the batch axis (axis=0) instead of the latent axis")
def sums_over_batch_axis(mu, logvar):
    return -0.5 * tf.reduce_sum(1.0 + logvar - tf.square(mu) - tf.exp(logvar), axis=0)


@wrong_answer("discriminator_loss", "returns a Python float instead of a scalar tensor")
def returns_python_float(real_logits, fake_logits):
    real_loss = tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.ones_like(real_logits), logits=real_logits)
    fake_loss = tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros_like(fake_logits), logits=fake_logits)
    return float(tf.reduce_mean(real_loss) + tf.reduce_mean(fake_loss))


@wrong_answer("discriminator_loss", "sums the cross-entropies over the examples instead of averaging them")
def sums_instead_of_means(real_logits, fake_logits):
    real_loss = tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.ones_like(real_logits), logits=real_logits)
    fake_loss = tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros_like(fake_logits), logits=fake_logits)
    return tf.reduce_sum(real_loss) + tf.reduce_sum(fake_loss)


@wrong_answer("generator_loss", "sums the cross-entropy over the fakes instead of averaging it")
def generator_sums_instead_of_mean(fake_logits):
    return tf.reduce_sum(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.ones_like(fake_logits), logits=fake_logits))


@wrong_answer("minimax_generator_loss", "sums log(1 - D(G(z))) over the fakes instead of averaging it")
def minimax_sums_instead_of_mean(fake_logits):
    return -tf.reduce_sum(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros_like(fake_logits), logits=fake_logits))
