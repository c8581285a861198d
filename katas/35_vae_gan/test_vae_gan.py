"""Tests for kata 35. Oracles: numpy formulas, the Gaussian KL by numerical integration,
keras.losses.BinaryCrossentropy(from_logits=True) and tf.random.stateless_normal."""

import math

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_shape

BATCH, LATENT = 4, 3


@pytest.fixture(scope="module")
def encoder_output():
    rng = np.random.default_rng(27)
    mu = rng.normal(0.0, 1.0, size=(BATCH, LATENT)).astype(np.float32)
    logvar = rng.uniform(-2.0, 1.5, size=(BATCH, LATENT)).astype(np.float32)
    eps = rng.normal(0.0, 1.0, size=(BATCH, LATENT)).astype(np.float32)
    return mu, logvar, eps


def keras_bce(labels, logits):
    return float(keras.losses.BinaryCrossentropy(from_logits=True)(labels, logits))


def random_logits(seed, batch, scale=2.0):
    return (scale * np.random.default_rng(seed).standard_normal((batch, 1))).astype(np.float32)


def test_reparameterize_on_the_worked_example(kata):
    result = kata.reparameterize(tf.constant([[1.0]]), tf.constant([[2 * math.log(3.0)]]), tf.constant([[0.5]]))
    assert_close(result, [[2.5]], "reparameterize(mu [[1.0]], logvar [[2 ln 3]], eps [[0.5]])", dtype=tf.float32)


def test_reparameterize_scales_eps_by_the_standard_deviation(kata, encoder_output):
    mu, logvar, eps = encoder_output
    expected = mu + np.sqrt(np.exp(logvar)) * eps  # sigma is the square root of the variance exp(logvar).
    assert_close(kata.reparameterize(tf.constant(mu), tf.constant(logvar), tf.constant(eps)), expected,
                 "reparameterize(mu [4, 3], logvar [4, 3], eps [4, 3])", dtype=tf.float32)


def test_reparameterize_lets_gradients_reach_mu_and_logvar(kata, encoder_output):
    mu, logvar, eps = (tf.Variable(value) for value in encoder_output)
    with tf.GradientTape() as tape:
        total = tf.reduce_sum(kata.reparameterize(mu, logvar, eps))
    grad_mu, grad_logvar = tape.gradient(total, [mu, logvar])
    assert grad_mu is not None and grad_logvar is not None, "no gradient reached mu or logvar through the sample"
    assert_close(grad_mu, np.ones([BATCH, LATENT]), "d sum(z) / d mu")
    expected = 0.5 * np.exp(0.5 * encoder_output[1]) * encoder_output[2]
    assert_close(grad_logvar, expected, "d sum(z) / d logvar")


def test_sample_latent_uses_stateless_normal_noise_of_mu_shape(kata, encoder_output):
    mu, logvar, _ = encoder_output
    eps = tf.random.stateless_normal([BATCH, LATENT], seed=(3, 4))
    expected = mu + np.exp(0.5 * logvar) * eps.numpy()
    result = kata.sample_latent(tf.constant(mu), tf.constant(logvar), (3, 4))
    assert_close(result, expected, "sample_latent(mu [4, 3], logvar [4, 3], seed (3, 4))", dtype=tf.float32)


def test_sample_latent_repeats_with_the_same_seed_and_changes_with_another(kata, encoder_output):
    mu, logvar = tf.constant(encoder_output[0]), tf.constant(encoder_output[1])
    first, second = kata.sample_latent(mu, logvar, (5, 6)), kata.sample_latent(mu, logvar, (5, 6))
    assert_close(second, first, "a second sample_latent(mu, logvar, seed (5, 6))")
    other = kata.sample_latent(mu, logvar, (7, 8))
    assert not np.allclose(np.asarray(other), np.asarray(first)), "seeds (5, 6) and (7, 8) gave the same sample"


def test_kl_divergence_on_the_worked_examples(kata):
    assert_close(kata.kl_divergence(tf.zeros([1, 2]), tf.zeros([1, 2])), [0.0], "kl_divergence(mu 0, logvar 0)",
                 dtype=tf.float32)
    assert_close(kata.kl_divergence(tf.constant([[1.0]]), tf.constant([[0.0]])), [0.5],
                 "kl_divergence(mu [[1.0]], logvar [[0.0]])")


def test_kl_divergence_sums_the_closed_form_over_latent_dimensions(kata, encoder_output):
    mu, logvar, _ = encoder_output
    sigma = np.sqrt(np.exp(logvar.astype(np.float64)))
    # KL(N(m, s^2) || N(0, 1)) = -ln s + (s^2 + m^2) / 2 - 1/2 for each dimension.
    expected = np.sum(-np.log(sigma) + (sigma ** 2 + mu ** 2) / 2 - 0.5, axis=1)
    result = kata.kl_divergence(tf.constant(mu), tf.constant(logvar))
    assert_shape(result, (BATCH,), "kl_divergence(mu [4, 3], logvar [4, 3])")
    assert_close(result, expected, "kl_divergence(mu [4, 3], logvar [4, 3])")


def test_kl_divergence_agrees_with_numerical_integration(kata):
    grid = np.linspace(-15.0, 15.0, 60001)
    for mean, logvar in [(0.7, -1.0), (-1.5, 0.8)]:
        std = math.exp(0.5 * logvar)
        log_p = -0.5 * ((grid - mean) / std) ** 2 - math.log(std) - 0.5 * math.log(2 * math.pi)
        log_q = -0.5 * grid ** 2 - 0.5 * math.log(2 * math.pi)
        expected = float(np.sum(np.exp(log_p) * (log_p - log_q)) * (grid[1] - grid[0]))
        result = kata.kl_divergence(tf.constant([[mean]]), tf.constant([[logvar]]))
        assert_close(result, [expected], f"kl_divergence(mu [[{mean}]], logvar [[{logvar}]])", rtol=1e-4)


def test_discriminator_loss_on_the_worked_example(kata):
    result = kata.discriminator_loss(tf.constant([[0.0]]), tf.constant([[0.0]]))
    assert_close(result, 2 * math.log(2.0), "discriminator_loss(real [[0.0]], fake [[0.0]])", dtype=tf.float32)


def test_discriminator_loss_agrees_with_keras_binary_crossentropy(kata):
    real, fake = random_logits(1, 5), random_logits(2, 7)
    expected = keras_bce(np.ones_like(real), real) + keras_bce(np.zeros_like(fake), fake)
    result = kata.discriminator_loss(tf.constant(real), tf.constant(fake))
    assert_close(result, expected, "discriminator_loss(5 real logits, 7 fake logits)")


def test_discriminator_loss_stays_finite_for_confident_mistakes(kata):
    real, fake = np.array([[-40.0], [3.0]], np.float32), np.array([[40.0], [-2.0], [0.5]], np.float32)
    expected = keras_bce(np.ones_like(real), real) + keras_bce(np.zeros_like(fake), fake)
    result = kata.discriminator_loss(tf.constant(real), tf.constant(fake))
    assert_close(result, expected, "discriminator_loss(real [[-40], [3]], fake [[40], [-2], [0.5]])")


def test_generator_loss_on_the_worked_example(kata):
    assert_close(kata.generator_loss(tf.zeros([2, 1])), math.log(2.0), "generator_loss([[0.0], [0.0]])",
                 dtype=tf.float32)


def test_generator_loss_agrees_with_keras_binary_crossentropy(kata):
    fake = random_logits(3, 6)
    assert_close(kata.generator_loss(tf.constant(fake)), keras_bce(np.ones_like(fake), fake),
                 "generator_loss(6 fake logits)")


def test_minimax_generator_loss_is_minus_the_fake_cross_entropy(kata):
    fake = random_logits(4, 6)
    assert_close(kata.minimax_generator_loss(tf.constant(fake)), -keras_bce(np.zeros_like(fake), fake),
                 "minimax_generator_loss(6 fake logits)", dtype=tf.float32)


def test_only_the_non_saturating_loss_keeps_its_gradient_for_rejected_fakes(kata):
    rejected = tf.Variable(np.array([[-8.0], [-10.0], [-9.0]], np.float32))  # D(G(z)) is almost 0.
    with tf.GradientTape(persistent=True) as tape:
        non_saturating = kata.generator_loss(rejected)
        saturating = kata.minimax_generator_loss(rejected)
    sigmoid = 1.0 / (1.0 + np.exp(-rejected.numpy()))
    assert_close(tape.gradient(non_saturating, rejected), (sigmoid - 1.0) / 3, "d generator_loss / d logits")
    assert_close(tape.gradient(saturating, rejected), -sigmoid / 3, "d minimax_generator_loss / d logits",
                 atol=1e-9)
