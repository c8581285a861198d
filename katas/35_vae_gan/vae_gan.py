"""Kata 35 — VAE and GAN building blocks.

A variational autoencoder's encoder outputs, for every example, the mean `mu` and the log
variance `logvar` of a Gaussian over the latent code (both `[batch, latent]`). Training needs
a sample z that gradients can flow through (the reparameterisation trick) and a KL term that
pulls each Gaussian towards N(0, I).

A GAN's discriminator outputs one logit per image (`[batch, 1]`, before any sigmoid). The notes
write the game as min_G max_D E[log D(x)] + E[log(1 - D(G(z)))]; in practice both players
minimise a binary cross-entropy on logits, and the generator uses the "non-saturating" form.

Run `make kata N=35` to test your answers, `make hint N=35` when stuck.
"""

import tensorflow as tf


def reparameterize(mu, logvar, eps):
    """A latent sample z = mu + sigma * eps, where sigma = exp(0.5 * logvar): `[batch, latent]`.

    `eps` `[batch, latent]` is standard normal noise, passed in so the result is repeatable.
    The randomness sits in eps alone, so gradients flow to mu and logvar.
    Example: mu [[1.0]], logvar [[2 * ln 3]] (sigma 3), eps [[0.5]] -> [[2.5]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("logvar is the log of the variance, so the standard deviation is its half-power exp; shift and scale eps.")


def sample_latent(mu, logvar, seed):
    """Like `reparameterize`, but draw eps ~ N(0, 1) yourself with `tf.random.stateless_normal`.

    `seed` is a pair of ints such as (1, 2); the same seed must give the same z every time,
    and eps must have the shape of mu. Return `[batch, latent]`.
    Example: sample_latent(mu, logvar, (1, 2)) twice -> the same z both times.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("stateless random ops repeat for the same seed; look up tf.random.stateless_normal, then reparameterize.")


def kl_divergence(mu, logvar):
    """KL(N(mu, sigma^2) || N(0, I)) for every example, summed over latent dimensions: `[batch]`.

    In closed form: -0.5 * sum(1 + logvar - mu^2 - exp(logvar)) over the last axis.
    Example: mu [[0, 0]], logvar [[0, 0]] (already N(0, I)) -> [0.0];
    mu [[1.0]], logvar [[0.0]] -> [0.5].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("the closed-form KL against N(0, I), summed over the latent dimensions (not averaged): one value per example.")


def discriminator_loss(real_logits, fake_logits):
    """The discriminator's loss: cross-entropy with label 1 on real images plus label 0 on fakes.

    Both inputs are logits `[batch, 1]` (batches may differ in size). Return a scalar tensor:
    mean BCE(1, real_logits) + mean BCE(0, fake_logits). It must stay finite for logits like 40.
    Example: real_logits [[0.0]], fake_logits [[0.0]] -> 2 * ln 2 = 1.3863.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("look up tf.nn.sigmoid_cross_entropy_with_logits: a cross-entropy on logits stays finite.")


def generator_loss(fake_logits):
    """The non-saturating generator loss: mean BCE(1, fake_logits), i.e. mean of -log D(G(z)).

    The generator wants its fakes labelled real. Return a scalar tensor.
    Example: fake_logits [[0.0], [0.0]] -> ln 2 = 0.6931.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("the same cross-entropy, with ones as labels for the fakes.")


def minimax_generator_loss(fake_logits):
    """The notes' original (saturating) generator loss: mean of log(1 - D(G(z))), a scalar tensor.

    It equals minus the mean BCE(0, fake_logits). Its gradient vanishes when the discriminator
    rejects the fakes confidently (very negative logits): why `generator_loss` is used instead.
    Example: fake_logits [[0.0]] -> -ln 2 = -0.6931.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("minus the mean sigmoid cross-entropy with zeros as labels.")
