"""Plausible wrong answers to kata 07; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("true_positions", "keeps only the first column of the coordinates: row numbers only")
def keeps_only_first_column_coordinates(mask):
    return tf.where(mask)[:, 0]


@wrong_answer("true_positions", "transposed: [rank, count] like numpy's nonzero")
def transposed_rank_count_like_numpy(mask):
    return tf.transpose(tf.where(mask))


@wrong_answer("replace_negatives", "<= 0: replaces a real score of zero")
def w_0_replaces_real_score_zero(scores, fill):
    return tf.where(scores <= 0, tf.cast(fill, scores.dtype), scores)


@wrong_answer("replace_negatives", "branches swapped: keeps the negatives, replaces the rest")
def branches_swapped_keeps_negatives_replaces(scores, fill):
    return tf.where(scores < 0, scores, tf.cast(fill, scores.dtype))


@wrong_answer("replace_negatives", "tf.maximum(scores, fill): also raises low positive scores to fill")
def tf_maximum_scores_fill_also(scores, fill):
    return tf.maximum(scores, tf.cast(fill, scores.dtype))


@wrong_answer("safe_divide", "plain division: inf or nan where the denominator is 0")
def plain_division_inf_nan_where(numerators, denominators):
    return numerators / denominators


@wrong_answer("safe_divide", "divide_no_nan by |denominator|: loses the sign of a negative denominator")
def divide_no_nan_denominator_loses(numerators, denominators):
    return tf.math.divide_no_nan(numerators, tf.abs(denominators))


@wrong_answer("score_sheet", "tensor_scatter_nd_update onto zeros: a repeated position keeps only one value")
def tensor_scatter_nd_update_onto(positions, points, shape):
    return tf.tensor_scatter_nd_update(tf.zeros(shape, points.dtype), positions, points)


@wrong_answer("score_sheet", "reads positions as (subject, student)")
def reads_positions_subject_student(positions, points, shape):
    return tf.scatter_nd(positions[:, ::-1], points, shape)


@wrong_answer("coordinate_grid", "meshgrid with indexing='ij': [width, height, 2]")
def meshgrid_indexing_ij_width_height(xs, ys):
    x, y = tf.meshgrid(xs, ys, indexing="ij")
    return tf.stack([x, y], axis=-1)


@wrong_answer("coordinate_grid", "stacks (y, x) instead of (x, y)")
def stacks_y_x_instead_x(xs, ys):
    x, y = tf.meshgrid(xs, ys)
    return tf.stack([y, x], axis=-1)


@wrong_answer("coordinate_grid", "stacks on axis 0: [2, height, width]")
def stacks_axis_0_2_height(xs, ys):
    x, y = tf.meshgrid(xs, ys)
    return tf.stack([x, y], axis=0)


@wrong_answer("evaluate_on_grid", "calls function(y, x): arguments swapped")
def calls_function_y_x_arguments(function, xs, ys):
    x, y = tf.meshgrid(xs, ys)
    return function(y, x)


@wrong_answer("evaluate_on_grid", "calls the function on the 1-D axes: broadcasts xs against ys without a grid")
def calls_function_1_d_axes(function, xs, ys):
    return function(xs[:, None], ys[None, :])


@wrong_answer("true_positions", "casts the coordinates to int32")
def casts_coordinates_int32(mask):
    return tf.cast(tf.where(mask), tf.int32)


@wrong_answer("safe_divide", "adds a small epsilon to the denominator: huge values instead of 0")
def adds_small_epsilon_denominator_huge(numerators, denominators):
    return numerators / (denominators + 1e-7)


@wrong_answer("score_sheet", "tf.SparseTensor then tf.sparse.to_dense: repeated positions are not summed")
def tf_sparsetensor_tf_sparse_dense(positions, points, shape):
    sparse = tf.SparseTensor(tf.cast(positions, tf.int64), points, tf.cast(shape, tf.int64))
    return tf.sparse.to_dense(tf.sparse.reorder(sparse), validate_indices=False)


@wrong_answer("coordinate_grid", "tf.meshgrid(ys, xs): [width, height, 2] with the coordinates swapped")
def tf_meshgrid_ys_xs_width(xs, ys):
    y, x = tf.meshgrid(ys, xs)
    return tf.stack([x, y], axis=-1)


@wrong_answer("evaluate_on_grid", "meshgrid with indexing='ij': the result is [width, height]")
def meshgrid_indexing_ij_result_width(function, xs, ys):
    x, y = tf.meshgrid(xs, ys, indexing="ij")
    return function(x, y)


@wrong_answer("true_positions", "the positions of the False entries")
def positions_of_the_false_entries(mask):
    return tf.where(tf.logical_not(mask))


@wrong_answer("true_positions", "lists the positions in column-major order (first axis changing fastest)")
def column_major_order(mask):
    return tf.reverse(tf.where(tf.transpose(mask)), axis=[1])


@wrong_answer("replace_negatives", "replaces only the marker -1: other negative scores stay")
def replaces_only_minus_one(scores, fill):
    return tf.where(scores == -1, tf.cast(fill, scores.dtype), scores)


@wrong_answer("replace_negatives", "adds fill where a score is negative without removing the negative score")
def adds_fill_to_the_negative(scores, fill):
    return scores + tf.cast(fill, scores.dtype) * tf.cast(scores < 0, scores.dtype)


@wrong_answer("replace_negatives", "forgets fill: negatives become 0")
def negatives_become_zero(scores, fill):
    return tf.maximum(scores, tf.zeros_like(scores))


@wrong_answer("safe_divide", "keeps the numerator where the denominator is 0")
def keeps_the_numerator_at_zero(numerators, denominators):
    return tf.where(denominators == 0, numerators, numerators / denominators)


@wrong_answer("safe_divide", "floor division: 5 / -2 gives -3")
def floor_division(numerators, denominators):
    return tf.where(denominators == 0, tf.zeros_like(numerators), tf.math.floordiv(numerators, denominators))


@wrong_answer("score_sheet", "ignores shape: the sheet ends at the largest position listed")
def ignores_shape(positions, points, shape):
    return tf.scatter_nd(positions, points, tf.reduce_max(positions, axis=0) + 1)


@wrong_answer("evaluate_on_grid", "calls the function point by point in a Python loop")
def python_loop_over_points(function, xs, ys):
    return tf.stack([tf.stack([function(x, y) for x in tf.unstack(xs)]) for y in tf.unstack(ys)])


@wrong_answer("evaluate_on_grid", "broadcasts a [1, width] row against a [height, 1] column: the shapes differ")
def broadcasts_row_against_column(function, xs, ys):
    return function(xs[None, :], ys[:, None])


@wrong_answer("add_bonus_points", "tf.scatter_nd: the bonuses land on a sheet of zeros, the scores are lost")
def bonus_onto_zeros(scores, positions, bonus):
    return tf.scatter_nd(positions, bonus, tf.shape(scores, out_type=positions.dtype))


@wrong_answer("add_bonus_points", "tensor_scatter_nd_update: overwrites the score with the bonus, and a repeat keeps one bonus")
def bonus_overwrites_the_score(scores, positions, bonus):
    return tf.tensor_scatter_nd_update(scores, positions, bonus)


@wrong_answer("add_bonus_points", "adds the bonus and the score, but a repeated position gets only its last bonus")
def repeated_position_keeps_last_bonus(scores, positions, bonus):
    current = tf.gather_nd(scores, positions)
    return tf.tensor_scatter_nd_update(scores, positions, current + bonus)


@wrong_answer("replace_rows", "tensor_scatter_nd_add: adds the new rows to the old ones")
def adds_the_new_rows(scores, students, new_rows):
    return tf.tensor_scatter_nd_add(scores, tf.expand_dims(students, axis=-1), new_rows)


@wrong_answer("replace_rows", "tf.scatter_nd: the rows not replaced become zeros")
def other_rows_become_zeros(scores, students, new_rows):
    return tf.scatter_nd(tf.expand_dims(students, axis=-1), new_rows, tf.shape(scores, out_type=students.dtype))


@wrong_answer("replace_rows", "writes the new rows in order 0, 1, ... instead of at the students' rows")
def writes_rows_in_order(scores, students, new_rows):
    order = tf.range(tf.shape(students)[0], dtype=students.dtype)
    return tf.tensor_scatter_nd_update(scores, tf.expand_dims(order, axis=-1), new_rows)


@wrong_answer("assign_block", "builds a new tf.Variable with the block written: the caller's variable is unchanged")
def returns_a_new_variable(table, values):
    copy = tf.Variable(table)
    copy[1:3, ::2].assign(values)
    return copy


@wrong_answer("assign_block", "the odd columns (1::2) instead of 0, 2, 4, ...")
def odd_columns(table, values):
    table[1:3, 1::2].assign(values[:, :table.shape[1] // 2])
    return table


@wrong_answer("assign_block", "counts the rows from 1: writes rows 2 and 3 instead of 1 and 2")
def rows_counted_from_one(table, values):
    table[2:4, ::2].assign(values)
    return table


@wrong_answer("keep_subjects", "boolean_mask without axis on the transposed scores: the students and subjects swap")
def keeps_subjects_transposed(scores, keep):
    perm = tf.concat([[1, 0], tf.range(2, tf.rank(scores))], axis=0)
    return tf.boolean_mask(tf.transpose(scores, perm), keep)


@wrong_answer("keep_subjects", "zeroes the dropped subjects instead of removing them")
def zeroes_the_dropped_subjects(scores, keep):
    shape = tf.concat([[1, -1], tf.ones([tf.rank(scores) - 2], tf.int32)], axis=0)
    return scores * tf.cast(tf.reshape(keep, shape), scores.dtype)


@wrong_answer("keep_subjects", "reads keep as the subjects to drop")
def keep_read_as_drop(scores, keep):
    return tf.boolean_mask(scores, tf.logical_not(keep), axis=1)
