"""Kata 20 — Optimisers by hand.

`optimizer.apply_gradients(...)` hides a few lines of arithmetic. Here you write those lines
yourself, one update step at a time, on `tf.Variable`s: plain SGD, SGD with momentum and
Adam and RMSprop, plus an exponentially decaying learning rate and the notes' linear decay
run by a `keras.callbacks.LearningRateScheduler` during `fit`. Your numbers must match Keras'
`keras.optimizers.SGD`, `keras.optimizers.Adam`, `keras.optimizers.RMSprop` and
`keras.optimizers.schedules.ExponentialDecay` to about 1e-6, step after step.

Every step function changes its variables *in place* (`assign`, `assign_add`, `assign_sub`)
and returns nothing: an optimiser owns its state (velocity, moments) between steps.

Run `make kata N=20` to test your answers, `make hint N=20` when stuck.
"""

import keras
import tensorflow as tf


def sgd_step(variable, gradient, learning_rate):
    """One plain gradient-descent step: variable <- variable - learning_rate * gradient.

    `variable` is a `tf.Variable` of any shape, `gradient` a tensor of the same shape.
    Update the variable in place; return nothing.
    Example: variable [1.0, 2.0], gradient [0.5, -1.0], learning_rate 0.1 -> variable [0.95, 2.1].
    """
    ### BEGIN SOLUTION: change the tf.Variable in place; look up its assign_sub method.
    variable.assign_sub(learning_rate * gradient)
    ### END SOLUTION


def sgd_momentum_step(variable, velocity, gradient, learning_rate, momentum):
    """One step of SGD with momentum, in Keras' form. Update both variables in place.

        velocity <- momentum * velocity - learning_rate * gradient
        variable <- variable + velocity

    `velocity` is a `tf.Variable` shaped like `variable`, zeros before the first step.
    Example: variable [1.0], velocity [0.0], gradient [2.0], learning_rate 0.1, momentum 0.9
    -> velocity [-0.2], variable [0.8]; a second step with gradient [2.0]
    -> velocity [0.9 * -0.2 - 0.2] = [-0.38], variable [0.42].
    """
    ### BEGIN SOLUTION: update the velocity first (assign), then add it to the variable (assign_add).
    # Keras stores the velocity with the learning rate already folded in, so the variable update
    # is a plain addition; this matters when the learning rate changes between steps.
    velocity.assign(momentum * velocity - learning_rate * gradient)
    variable.assign_add(velocity)
    ### END SOLUTION


def adam_step(variable, m, v, gradient, step, learning_rate=0.001, beta_1=0.9, beta_2=0.999,
              epsilon=1e-7):
    """One Adam step, in Keras' form. Update `variable`, `m` and `v` in place.

    `m` and `v` are `tf.Variable`s shaped like `variable` (zeros before the first step);
    `step` is the number of this update: 1 for the first, 2 for the second, ...

        m <- beta_1 * m + (1 - beta_1) * gradient
        v <- beta_2 * v + (1 - beta_2) * gradient**2
        alpha = learning_rate * sqrt(1 - beta_2**step) / (1 - beta_1**step)
        variable <- variable - alpha * m / (sqrt(v) + epsilon)

    Note where epsilon goes: it is added to sqrt(v), *not* to the bias-corrected sqrt(v_hat)
    of the Adam paper. The two agree only when epsilon is tiny.
    Example: variable [1.0], gradient [0.5], step 1, learning_rate 0.1 -> m [0.05],
    v [0.00025], alpha 0.1 * sqrt(0.001) / 0.1, variable about [0.9].
    """
    ### BEGIN SOLUTION: update m and v first; the bias correction lives in alpha; epsilon goes next to the square root of v.
    m.assign(beta_1 * m + (1.0 - beta_1) * gradient)
    v.assign(beta_2 * v + (1.0 - beta_2) * tf.square(gradient))
    alpha = learning_rate * (1.0 - beta_2**step) ** 0.5 / (1.0 - beta_1**step)
    variable.assign_sub(alpha * m / (tf.sqrt(v) + epsilon))
    ### END SOLUTION


def exponential_decay(step, initial_learning_rate, decay_steps, decay_rate, staircase=False):
    """The learning rate after `step` updates (step 0 is the first), as a Python float.

        rate = initial_learning_rate * decay_rate ** (step / decay_steps)

    With `staircase=True` the exponent is rounded down to a whole number, so the rate drops
    in steps every `decay_steps` updates.
    Example: initial 0.1, decay_steps 10, decay_rate 0.5: step 5 -> 0.1 * 0.5**0.5 = 0.0707...;
    with staircase=True step 5 -> 0.1 and step 10 -> 0.05.
    """
    ### BEGIN SOLUTION: compute the exponent step / decay_steps; floor it when staircase is set.
    exponent = step / decay_steps
    if staircase:
        exponent = float(int(exponent))  # step >= 0, so int() rounds down.
    return float(initial_learning_rate * decay_rate**exponent)
    ### END SOLUTION


def minimize_with_adam(loss_function, initial_value, steps, learning_rate=0.001):
    """Run `steps` Adam updates on a fresh variable and return its final value as a tensor.

    `loss_function(variable)` returns a scalar loss. Make a `tf.Variable` from `initial_value`
    and zero `m`, `v` beside it; each step, take the gradient of the loss with a
    `tf.GradientTape` and call your `adam_step` with step numbers 1, 2, ..., `steps`.
    Example: loss (w - 3)**2 from w = 0 with learning_rate 0.1 moves w up by about 0.1 per step
    at first: after 1 step w is about [0.1].
    """
    ### BEGIN SOLUTION: one tf.Variable plus two zero slots; a GradientTape per step; steps count from 1.
    variable = tf.Variable(initial_value, dtype=tf.float32)
    m = tf.Variable(tf.zeros_like(variable))
    v = tf.Variable(tf.zeros_like(variable))
    for step in range(1, steps + 1):
        with tf.GradientTape() as tape:
            loss = loss_function(variable)
        gradient = tape.gradient(loss, variable)
        adam_step(variable, m, v, gradient, step, learning_rate=learning_rate)
    return tf.convert_to_tensor(variable)
    ### END SOLUTION


def rmsprop_step(variable, velocity, gradient, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    """One RMSprop step, in Keras' form (no momentum, not centred). Update `variable` and
    `velocity` in place; return nothing.

    `velocity` is a `tf.Variable` shaped like `variable`, zeros before the first step: a running
    average of the squared gradients. The defaults are `keras.optimizers.RMSprop()`'s.

        velocity <- rho * velocity + (1 - rho) * gradient**2
        variable <- variable - learning_rate * gradient / sqrt(velocity + epsilon)

    Note where epsilon goes: *inside* the square root here, while Keras' Adam adds it outside.
    Example: variable [1.0], velocity [0.0], gradient [0.5], learning_rate 0.1 -> velocity
    [0.025], variable 1 - 0.1 * 0.5 / sqrt(0.025 + 1e-7), about [0.68377].
    """
    ### BEGIN SOLUTION: update the running average of squared gradients first; Keras puts epsilon under the square root.
    velocity.assign(rho * velocity + (1.0 - rho) * tf.square(gradient))
    # Dividing by the root mean square gives each coordinate its own step size.
    variable.assign_sub(learning_rate * gradient / tf.sqrt(velocity + epsilon))
    ### END SOLUTION


def linear_decay_schedule(initial_learning_rate, total_epochs):
    """The notes' learning-rate decay as a schedule for `keras.callbacks.LearningRateScheduler`.

    The notes change the rate by hand each epoch: `learning_rate = 0.2 * (100 - epoch) / 100`.
    Return a function `schedule(epoch, learning_rate)` that a LearningRateScheduler calls at the
    start of every epoch (epoch 0 first) with the optimiser's current rate; it returns the rate
    for that epoch as a Python float:

        initial_learning_rate * (total_epochs - epoch) / total_epochs

    The current rate passed in is ignored: the rate depends on the epoch only.
    Example: linear_decay_schedule(0.2, 100): epoch 0 -> 0.2, epoch 50 -> 0.1, epoch 99 -> 0.002.
    """
    ### BEGIN SOLUTION: return an inner function (a closure) that remembers the two settings.
    def schedule(epoch, learning_rate):
        # Multiplying the current rate instead would compound the decay epoch after epoch.
        return float(initial_learning_rate * (total_epochs - epoch) / total_epochs)

    return schedule
    ### END SOLUTION


def linear_decay_callback(initial_learning_rate, total_epochs):
    """A `keras.callbacks.LearningRateScheduler` that runs `linear_decay_schedule(...)`, for
    `model.fit(..., callbacks=[...])`: the optimiser's rate is set before every epoch.

    Example: fit for 4 epochs with linear_decay_callback(0.05, 4) trains epochs 0 to 3 at
    0.05, 0.0375, 0.025 and 0.0125, whatever learning rate the optimiser was made with.
    """
    ### BEGIN SOLUTION: Keras' callbacks include one that sets the learning rate from a schedule function.
    return keras.callbacks.LearningRateScheduler(linear_decay_schedule(initial_learning_rate, total_epochs))
    ### END SOLUTION
